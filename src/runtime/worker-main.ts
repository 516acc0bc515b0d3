// SPDX-License-Identifier: Apache-2.0
/**
 * A worker thread: runs kernels on shared buffers, one task at a time, and replies with the small
 * result or the error. Kernels never see nodes, ids or placement: only views and attrs.
 */
import { parentPort, workerData } from "node:worker_threads";
import { typedView, itemSize } from "../array/dtype.js";
import type { KernelAttrs, KernelName } from "../kernels/manifest.js";
import { loadAddon } from "../kernels/native/addon.js";
import { resolveKernels } from "../kernels/registry.js";
import type { View } from "../kernels/view.js";
import type { WireView, WorkerInit, WorkerReply, WorkerTask } from "./messages.js";

const init = workerData as WorkerInit;
const { table, kind } = resolveKernels(init.kernels);
if (kind === "native") {
  const addon = loadAddon();
  // numts parallelizes across workers: one BLAS thread each (kernels-probe §5: 2 workers × 1
  // thread beat one call with 2 threads, and oversubscription costs 30%).
  if (!(addon instanceof Error)) addon.setThreads(1);
}

function toView(w: WireView): View {
  return {
    dtype: w.dtype,
    data: typedView(w.dtype, w.buffer, 0, Math.floor(w.buffer.byteLength / itemSize(w.dtype))),
    offset: w.offset,
    shape: w.shape,
    strides: w.strides,
  };
}

function run(task: WorkerTask): WorkerReply {
  try {
    const kernel = table[task.kernel] as (i: View[], o: View[], a: KernelAttrs[KernelName]) => ReturnType<(typeof table)[KernelName]>;
    const result = kernel(task.inputs.map(toView), task.outputs.map(toView), task.attrs as KernelAttrs[KernelName]);
    return { id: task.id, ok: true, result };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { id: task.id, ok: false, error: { name: err.name, message: err.message, stack: err.stack } };
  }
}

parentPort!.on("message", (task: WorkerTask) => parentPort!.postMessage(run(task)));
