// SPDX-License-Identifier: Apache-2.0
import type { KernelFn } from "../manifest.js";
export const reduce: KernelFn<"reduce"> = () => { throw new Error("wip"); };
export const combine: KernelFn<"combine"> = () => { throw new Error("wip"); };
