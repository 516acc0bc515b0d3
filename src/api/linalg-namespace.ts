// SPDX-License-Identifier: Apache-2.0
/** The `nt.linalg` namespace. */
export { gram, gramAndProduct } from "./linalg/gram.js";
export type { GramOptions } from "./linalg/gram.js";
