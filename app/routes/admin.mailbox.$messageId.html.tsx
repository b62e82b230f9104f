import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server";
import { getMailboxMessage } from "~/modules/email/mailbox.server";

/**
 * The stored HTML of a message as its own document. The HTML is untrusted (it holds user input), so it gets a
 * policy of its own: no scripts, no requests home, inline styles and images only, and a sandbox (unique origin).
 */
export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, "read:mailbox:any");
  const message = await getMailboxMessage(args.context.db, args.params.messageId ?? "");
  if (!message) throw new Response("Not found", { status: 404 });
  return new Response(message.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // Links in a message carry tokens: they must not leak through the Referer header.
      "Referrer-Policy": "no-referrer",
    },
  });
}
