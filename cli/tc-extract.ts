// `hotcarrier tc-extract FILE`: carrier temperature per delay from the bleach tail (placeholder until the fit lands).
import { UsageError } from './args.ts';
export function tcExtractMain(_argv: string[]): string {
  throw new UsageError('tc-extract is not built yet; allowed: hotcarrier ta-inspect FILE');
}
