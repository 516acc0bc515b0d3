// SPDX-License-Identifier: Apache-2.0
/** The `nt.random` namespace. */
export { Generator, defaultRng } from "./random.js";
export type { IntegersOptions, SampleOptions, Size } from "./random.js";
