// The tail method's bias, measured: simulated TA maps (seeded noise) → tc-extract's fit → Tc(t) against the model's
// own Tc. Prints the table the README shows. Run: node bin/run-ts.mjs examples/ta-round-trip.ts
import { roundTripTable } from './ta-round-trip-table.ts';

for (const line of roundTripTable()) console.log(line);
