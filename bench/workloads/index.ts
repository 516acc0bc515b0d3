// SPDX-License-Identifier: Apache-2.0
/** Every benchmark workload, by name (the names of bench/peer_bench.py). */
import type { Workload } from "../workload.js";
import { elementwise } from "./elementwise.js";
import { gemm } from "./gemm.js";
import { logreg } from "./logreg.js";
import { mttkrp } from "./mttkrp.js";
import { sort } from "./sort.js";
import { sum } from "./sum.js";
import { transposeAdd } from "./transpose-add.js";

export const WORKLOADS: readonly Workload[] = [elementwise, sum, sort, gemm, mttkrp, transposeAdd, logreg];
