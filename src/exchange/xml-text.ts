/**
 * User text made safe for the XML inside Office files (XLSX, DOCX): the characters XML 1.0 forbids
 * (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates) would make Excel or Word refuse the whole
 * file, so each becomes U+FFFD; everything else is kept as the user wrote it.
 */
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafeText(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, '\ufffd');
}
