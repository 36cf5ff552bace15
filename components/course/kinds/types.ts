import type { ExerciseDeclaration, StepDeclaration } from '@/lib/course/types';
import type { ExercisePageData } from '@/lib/engine/page-data';
import type { ProviderConfig } from '@/lib/exercise/setup';

/** What every kind's step UI gets from the step page. */
export interface KindPageProps {
  exercise: ExerciseDeclaration;
  step: StepDeclaration;
  data: ExercisePageData;
  /** The learner's server; null only for the setup kind (the page asks for one first). */
  provider: ProviderConfig | null;
  /** `POST /api/exercises/<id>/<step>`. */
  endpoint: string;
  /** The link shown beside a passing verdict. */
  next: { href: string; label: string };
  site: { publicUrl: string; practiceServer: boolean };
}
