// SPDX-License-Identifier: Apache-2.0
/** The contraction functions, gathered for BlockArray's methods. */
export { matmul, dot } from "./matmul.js";
export { trace } from "./trace.js";
export type { TraceOptions } from "./trace.js";
