// SPDX-License-Identifier: Apache-2.0
/** The `nt.modelSelection` namespace: scikit-learn's model_selection helpers over distributed arrays. */
export { trainTestSplit } from "./train-test-split.js";
export type { TrainTestSplitOptions } from "./train-test-split.js";
