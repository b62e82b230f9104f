import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { attachmentDisposition } from "~/http-download";
import { requirePermission } from "~/modules/auth/guards.server";
import { getMailboxAttachment } from "~/modules/email/mailbox.server";

// Digits only: "1e0", " 1" or "-0" would otherwise pass Number() and name a file by another spelling.
const indexParam = z.string().regex(/^\d{1,4}$/).transform(Number);

/** A file sent with a message in the local mailbox, as a download. */
export async function loader(args: LoaderFunctionArgs) {
  await requirePermission(args, "read:mailbox:any");
  const index = indexParam.safeParse(args.params.index);
  const attachment = index.success
    ? await getMailboxAttachment(args.context.db, args.params.messageId ?? "", index.data)
    : null;
  if (!attachment) throw new Response("Not found", { status: 404 });
  // The content is UTF-8 text by definition (see EmailAttachment), and the body is encoded as such.
  const contentType = /;\s*charset=/i.test(attachment.contentType)
    ? attachment.contentType
    : `${attachment.contentType}; charset=utf-8`;
  return new Response(attachment.content, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": attachmentDisposition(attachment.filename),
      // The content type is whatever the sender stored: the browser must neither guess another one nor run it.
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
