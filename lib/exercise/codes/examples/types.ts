import type { CheckKind } from '../../../course/check-kinds';
import type { Report } from '../../report';
import type { CodeSeverity } from '../code-info';

/** One realistic input that makes a check return a code, with the status and the check kind it comes back from. */
export interface CodeExample {
  step: CheckKind;
  severity: CodeSeverity;
  run: () => Report<string> | Promise<Report<string>>;
}
