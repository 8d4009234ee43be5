import { describe, expect, it } from 'vitest';
import { fieldIssueMessage, formatIssue, issueMessage } from '../../src/exchange/reader';

describe('issues as the calculator and the app show them', () => {
  const issue = { path: 'settings.payrollOverheadPercent', message: 'ska ligga mellan 0 och 100' };

  it('the calculator writes the path first, as EXCHANGE.md §4 asks', () => {
    expect(formatIssue(issue)).toBe('settings.payrollOverheadPercent: ska ligga mellan 0 och 100');
  });

  it('a list about a file gives the sentence, then the path in brackets; none for the whole file', () => {
    expect(issueMessage(issue)).toBe('Ska ligga mellan 0 och 100 (settings.payrollOverheadPercent)');
    expect(issueMessage({ path: '$', message: 'filen är inte giltig JSON och kan inte läsas' })).toBe('Filen är inte giltig JSON och kan inte läsas');
  });

  it('a message at the edited cell or field is the sentence alone, without the file’s English keys', () => {
    expect(fieldIssueMessage(issue)).toBe('Ska ligga mellan 0 och 100');
  });
});
