/** Validator issues as users read them in the app (see src/exchange/reader.ts). */
export { fieldIssueMessage, formatIssue, issueMessage } from '../exchange/reader';
