import { CheckIcon, CrossIcon } from '@/components/ui/icons';

/** A check's outcome for instructors: the word, after its mark as an icon (decision 010). */
export function PassFail({ status }: { status: 'pass' | 'fail' }) {
  return status === 'pass' ? (
    <>
      <CheckIcon /> pass
    </>
  ) : (
    <>
      <CrossIcon /> fail
    </>
  );
}
