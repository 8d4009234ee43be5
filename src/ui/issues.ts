/** Validator issues as users read them in the app. */
import { formatIssue, type Issue } from '../exchange/reader';

/** The message of an issue; its JSON path goes in brackets for those who want to find it. */
export function issueMessage(issue: Issue): string {
  const text = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  return issue.path === '$' ? text : `${text} (${issue.path})`;
}

export { formatIssue };
