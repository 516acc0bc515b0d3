// SPDX-License-Identifier: Apache-2.0
// PLACEHOLDER (replaced by the kernel engine).
import type { KernelFn } from "../manifest.js";

export const scan: KernelFn<"scan"> = () => {
  throw new Error("scan kernel not implemented yet");
};
