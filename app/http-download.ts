/**
 * A Content-Disposition header that makes the browser save the response under `filename` (RFC 6266).
 * Browsers that read `filename*` get the name as written, æøå included; older ones get an ASCII copy
 * in which anything that could end the quoted string or the header is replaced.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * as they are, but RFC 5987 allows none of them unencoded.
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
