// SPDX-License-Identifier: Apache-2.0
/** Every benchmark workload, by name (the names of bench/peer_bench.py). */
import type { Workload } from "../workload.js";
import { cholesky } from "./cholesky.js";
import { elementwise } from "./elementwise.js";
import { gemm } from "./gemm.js";
import { logreg } from "./logreg.js";
import { mttkrp } from "./mttkrp.js";
import { solve } from "./solve.js";
import { sort } from "./sort.js";
import { sum } from "./sum.js";
import { transposeAdd } from "./transpose-add.js";
import { tsqr } from "./tsqr.js";

export const WORKLOADS: readonly Workload[] = [elementwise, sum, gemm, mttkrp, transposeAdd, sort, tsqr, cholesky, solve, logreg];
