// SPDX-License-Identifier: Apache-2.0
/** Placement policies on 2–4 fake nodes, with the loads behind each choice worked out by hand. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { LoadModel } from "../../src/schedule/load-model.js";
import { CyclicPolicy, DynamicPolicy, LshsPolicy, createPolicy } from "../../src/schedule/policy.js";
import { Scheduler } from "../../src/schedule/scheduler.js";
import { op } from "./demand.js";

test("LSHS computes where the inputs are and sends an array block's last op to its owner", () => {
  const m = new LoadModel(4);
  m.addBlock(1, 1000, 2);
  m.addBlock(2, 1000, 2);
  const lshs = new LshsPolicy();
  // Node 2: mem 2008, nothing moves. Owner 0: mem 2008 too, but 2000 in and 2000 out.
  assert.equal(lshs.place(op([[1, 1000], [2, 1000]], 8, 0), m), 2);
  assert.equal(lshs.place(op([[1, 1000]], 8, 0, true), m), 0);
});

test("LSHS balances: an op goes to the input holder that keeps the busiest node least busy", () => {
  const m = new LoadModel(3);
  m.addBlock(1, 100, 0);
  m.addBlock(2, 100, 1);
  m.addBlock(3, 500, 0); // node 0 already holds the most
  // On node 0: mem 600 + 100 + 10 = 710, in 100, out 100, 100 moved → 1010.
  // On node 1: mem 100 + 100 + 10 = 210 (max stays 600), in 100, out 100, 100 moved → 900.
  // On node 2 (the owner): mem 210, in 200, out 100, 200 moved → 1100.
  const o = op([[1, 100], [2, 100]], 10, 2);
  assert.equal(m.cost(o, 0), 1010);
  assert.equal(m.cost(o, 1), 900);
  assert.equal(m.cost(o, 2), 1100);
  assert.equal(new LshsPolicy().place(o, m), 1);
});

test("LSHS ties break deterministically: the home, then the owner, then the lower node", () => {
  const lshs = new LshsPolicy();
  // Equal cost on nodes 1 and 3 (each holds one input of equal size): the lower node wins.
  const m = new LoadModel(4);
  m.addBlock(1, 10, 3);
  m.addBlock(2, 10, 1);
  assert.equal(lshs.place(op([[1, 10], [2, 10]], 0, 0), m), 1);
  // ...unless one of them is the home.
  assert.equal(lshs.place(op([[1, 10], [2, 10]], 0, 0, false, 3), m), 3);
  // The same inputs and loads always give the same node.
  const again = new LoadModel(4);
  again.addBlock(1, 10, 3);
  again.addBlock(2, 10, 1);
  assert.equal(new LshsPolicy().place(op([[1, 10], [2, 10]], 0, 0), again), 1);
});

test("LSHS's lookahead keeps a partial whose result outweighs its input on the owner", () => {
  const m = new LoadModel(3);
  m.addBlock(1, 10, 1);
  const o = op([[1, 10]], 100, 0, false, 1);
  // Without lookahead node 1 costs 110 and the owner 140 (see load-model.test.ts); with it,
  // node 1 costs 410.
  assert.equal(new LshsPolicy({ lookahead: false }).place(o, m), 1);
  assert.equal(new LshsPolicy().place(o, m), 0);
});

test("LSHS with allNodes may pick a node that holds nothing", () => {
  const m = new LoadModel(3);
  m.addBlock(1, 100, 0);
  m.addBlock(2, 100, 1);
  m.addBlock(3, 1000, 0);
  m.addBlock(4, 1000, 1);
  // Both holders are the busiest on memory; node 2 takes the op (owner 0, lookahead off).
  const o = op([[1, 100], [2, 100]], 1000, 0);
  assert.equal(new LshsPolicy({ lookahead: false }).place(o, m), 0);
  assert.equal(new LshsPolicy({ lookahead: false, allNodes: true }).place(o, m), 2);
});

test("LSHS groups a reduction's partials by node, the owner's group first", () => {
  const m = new LoadModel(3);
  [1, 0, 2, 1, 2, 0].forEach((node, i) => m.addBlock(i + 1, 8, node));
  const groups = new LshsPolicy().reductionGroups([1, 2, 3, 4, 5, 6].map((id) => ({ id })), 2, m);
  assert.deepEqual(groups.map((g) => g.map((p) => p.id)), [[3, 5], [2, 6], [1, 4]]);
  assert.deepEqual(new CyclicPolicy().reductionGroups([{ id: 1 }, { id: 2 }]), [[{ id: 1 }, { id: 2 }]]);
  assert.deepEqual(new DynamicPolicy().reductionGroups([{ id: 1 }, { id: 2 }]), [[{ id: 1 }, { id: 2 }]]);
});

test("cyclic runs array-block ops on their owner and partials on their home", () => {
  const cyclic = new CyclicPolicy();
  assert.equal(cyclic.place(op([], 8, 2, true, 1)), 2);
  assert.equal(cyclic.place(op([], 8, 2, false, 1)), 1);
  assert.equal(cyclic.place(op([], 8, 2, false)), 2);
});

test("dynamic ignores locality and owners: each op on the node with the fewest ops so far", () => {
  const s = new Scheduler(3, "dynamic");
  assert.ok(s.policy instanceof DynamicPolicy);
  s.addBlock(1, 1000, 2);
  const o = op([[1, 1000]], 8, 2, true);
  assert.deepEqual([0, 1, 2, 3].map((i) => s.place(o, [{ id: 10 + i, bytes: 8 }])), [0, 1, 2, 0]);
  // It copied the block to nodes 0 and 1 (the cached copy on 0 served the fourth op).
  assert.deepEqual(s.loads().map((l) => l.bytesIn), [1000, 1000, 0]);
});

test("the scheduler commits what the policy chose; policies are created by name", () => {
  assert.equal(createPolicy("lshs").name, "lshs");
  assert.equal(createPolicy("cyclic").name, "cyclic");
  assert.equal(createPolicy("dynamic").name, "dynamic");
  const s = new Scheduler(2, "lshs");
  s.addBlock(1, 64, 1);
  assert.equal(s.place(op([[1, 64]], 16, 0), [{ id: 2, bytes: 16 }]), 1);
  assert.deepEqual(s.model.holders(2), [1]);
  const c = s.clone();
  c.free(1);
  assert.deepEqual(s.loads().map((l) => l.memory), [0, 80]);
  assert.deepEqual(c.loads().map((l) => l.memory), [0, 16]);
});

test("LSHS avoids a node the op would push over its memory limit when another fits", () => {
  const m = new LoadModel(2, 1000);
  m.addBlock(1, 400, 0);
  m.addBlock(2, 500, 0);
  // Reading block 2 with a 150-byte result: node 0 costs 1050 (no copy) but would hold 1050 >
  // 1000; node 1 costs 900 + 500 + 500 + 500 moved but fits, so it takes the op.
  const o = op([[2, 500]], 150, 1);
  assert.equal(m.cost(o, 0), 1050);
  assert.equal(m.cost(o, 1), 2400);
  assert.equal(m.fits(o, 0), false);
  assert.equal(new LshsPolicy({ lookahead: false }).place(o, m), 1);
  const unlimited = new LoadModel(2);
  unlimited.addBlock(1, 400, 0);
  unlimited.addBlock(2, 500, 0);
  assert.equal(new LshsPolicy({ lookahead: false }).place(o, unlimited), 0);
  // Node 1 is neither the owner nor an input holder here: when none of the natural candidates
  // has room every node is tried.
  assert.equal(new LshsPolicy({ lookahead: false }).place({ ...o, owner: 0 }, m), 1);
  // When nothing fits it still places the op (the runtime reports the overflow).
  assert.equal(new LshsPolicy().place(op([[2, 500]], 5000, 0), m), 0);
});
