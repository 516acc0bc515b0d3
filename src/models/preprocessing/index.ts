// SPDX-License-Identifier: Apache-2.0
/** The `nt.preprocessing` namespace: scikit-learn's preprocessing transformers over distributed arrays. */
export { StandardScaler } from "./standard-scaler.js";
export type { StandardScalerOptions } from "./standard-scaler.js";
