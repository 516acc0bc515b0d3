// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { LoadModel } from "../../src/schedule/load-model.js";
import { CyclicPolicy, DynamicPolicy, LshsPolicy } from "../../src/schedule/policy.js";
import { nodeGrid, ownerOf } from "../../src/schedule/layout.js";
import { Scheduler } from "../../src/schedule/scheduler.js";

test("load model: copies count bytes in/out and replica memory; frees are live memory", () => {
  const m = new LoadModel(3);
  m.addBlock(1, 100, 0);
  m.addBlock(2, 50, 1);
  const op = { inputs: [{ id: 1, bytes: 100 }, { id: 2, bytes: 50 }], outputBytes: 10, owner: 2, final: false };
  // On node 0: copy block 2 (50 in, 50 out of node 1): mem0 = 100+50+10 = 160.
  assert.equal(m.cost(op, 0), 160 + 50 + 50);
  // On node 2: copy both: mem2 = 160, in 150, max out 100.
  assert.equal(m.cost(op, 2), 160 + 150 + 100);
  m.commit(op, 0, [{ id: 3, bytes: 10 }]);
  const loads = m.loads();
  assert.deepEqual(loads.map((l) => l.memory), [160, 50, 0]);
  assert.deepEqual(loads.map((l) => l.bytesIn), [50, 0, 0]);
  assert.deepEqual(loads.map((l) => l.bytesOut), [0, 50, 0]);
  assert.deepEqual(m.holders(2), [1, 0]);
  m.free(2);
  assert.deepEqual(m.loads().map((l) => l.memory), [110, 0, 0]);
  assert.equal(m.loads()[0]!.peakMemory, 160);
});

test("a block named twice by one op is copied once", () => {
  const m = new LoadModel(2);
  m.addBlock(1, 100, 0);
  const op = { inputs: [{ id: 1, bytes: 100 }, { id: 1, bytes: 100 }], outputBytes: 0, owner: 1, final: false };
  assert.equal(m.cost(op, 1), 100 + 100 + 100);
});

test("LSHS places where the inputs are, forces final ops to the owner, and breaks ties deterministically", () => {
  const m = new LoadModel(4);
  m.addBlock(1, 1000, 2);
  m.addBlock(2, 1000, 2);
  const lshs = new LshsPolicy();
  assert.equal(lshs.place({ inputs: [{ id: 1, bytes: 1000 }, { id: 2, bytes: 1000 }], outputBytes: 8, owner: 0, final: false }, m), 2);
  assert.equal(lshs.place({ inputs: [{ id: 1, bytes: 1000 }], outputBytes: 8, owner: 0, final: true }, m), 0);
  // Equal cost on nodes 1 and 3 (each holds one input of equal size): the lower node wins.
  const m2 = new LoadModel(4);
  m2.addBlock(1, 10, 3);
  m2.addBlock(2, 10, 1);
  assert.equal(lshs.place({ inputs: [{ id: 1, bytes: 10 }, { id: 2, bytes: 10 }], outputBytes: 0, owner: 0, final: false }, m2), 1);
});

test("LSHS merges co-located partials first", () => {
  const m = new LoadModel(2);
  [0, 1, 0, 1].forEach((node, i) => m.addBlock(i + 1, 8, node));
  const order = new LshsPolicy().reductionGroups([1, 2, 3, 4].map((id) => ({ id })), 0, m).flat();
  assert.deepEqual(order.map((p) => p.id), [1, 3, 2, 4]);
  assert.deepEqual(new CyclicPolicy().reductionGroups([{ id: 1 }, { id: 2 }]).flat().map((p) => p.id), [1, 2]);
});

test("cyclic runs every op on its owner; dynamic on the node with the fewest ops", () => {
  const op = { inputs: [], outputBytes: 8, owner: 2, final: false };
  assert.equal(new CyclicPolicy().place(op), 2);
  const s = new Scheduler(3, "dynamic");
  assert.ok(s.policy instanceof DynamicPolicy);
  assert.deepEqual([0, 1, 2, 3].map(() => s.place(op, [])), [0, 1, 2, 0]);
});

test("layouts follow the array: tall-skinny grids get (N, 1) node grids, square ones √N × √N", () => {
  assert.deepEqual(nodeGrid([32, 1], 16), [16, 1]);
  assert.deepEqual(nodeGrid([16, 16], 16), [4, 4]);
  assert.deepEqual(nodeGrid([8], 4), [4]);
  assert.deepEqual(nodeGrid([1, 8, 1], 4), [1, 4, 1]);
  // length-1 axes never change owners (keepdims / squeeze keep placement)
  assert.equal(ownerOf([0, 5], [1, 8], 4), ownerOf([5], [8], 4));
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((i) => ownerOf([i, 0], [6, 1], 4)), [0, 1, 2, 3, 0, 1]);
});
