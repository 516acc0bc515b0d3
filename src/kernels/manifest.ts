// SPDX-License-Identifier: Apache-2.0
/**
 * The manifest of block kernels: every kernel's name and the type of its attributes. This is the
 * whole RPC surface between the runtime and the kernels (NumS's kernel_interface, typed). A kernel
 * receives input views and preallocated contiguous output views plus its attrs, and fills the
 * outputs; it never sees nodes or placement. Attrs must survive structured clone (plain data and
 * typed arrays) so they can cross worker and network boundaries.
 */
import type { Dtype } from "../array/dtype.js";
import type { GatherKernelAttrs } from "./gather-manifest.js";
import type { ReduceOp } from "./ops.js";
import type { Program } from "./program.js";
import type { SortKernelAttrs } from "./sort-manifest.js";
import type { View } from "./view.js";

export interface FusedAttrs {
  readonly program: Program;
}

/**
 * Reduce the value computed by `program` (one result) over `axes` of the block. Outputs are the
 * partial states of `op` (see REDUCE_STATES), each with the block's shape and reduced axes of
 * length 1. For arg-reductions, the index written is global:
 * `sum over reduced axes d of (indexBase[d] + i_d) * indexStrides[d]`.
 */
export interface ReduceAttrs {
  readonly op: ReduceOp;
  readonly program: Program;
  readonly axes: readonly number[];
  readonly indexBase?: readonly number[];
  readonly indexStrides?: readonly number[];
}

/** Merge two partial states of `op` elementwise: inputs are A's state views then B's. */
export interface CombineAttrs {
  readonly op: ReduceOp;
}

/**
 * C = A · B for 2-D views (A m×k, B k×n), or a batch of them when the views have leading batch
 * axes (all equal). Transposed inputs arrive as views with swapped strides. With `accumulate`, a
 * third input C0 (m×n) is added: C = A·B + C0. With `terms` = t > 1 the inputs are t pairs
 * A1, B1, ..., At, Bt (then C0) and C = Σ Ai·Bi (+ C0): one op sums a block row × block column
 * inside BLAS (beta = 1) without partial blocks.
 */
export interface GemmAttrs {
  readonly accumulate?: boolean;
  readonly terms?: number;
}

/**
 * NumPy's einsum on one block. Input view i has one label per axis (`inputs[i]`; a label repeated
 * within a view reads its diagonal; a broadcast axis has stride 0). The output is contiguous C
 * order over the sizes of the `output` labels, whatever shape the output block is declared with
 * (kron declares merged axes). Labels not in `output` are summed. With `terms` = t > 1 the inputs
 * are t consecutive groups of operands and the output is the sum of the groups' results (summed
 * labels may have different sizes in each group). Inputs have the output's dtype; bool sums are
 * logical or, integer sums wrap like NumPy's.
 */
export interface EinsumAttrs {
  readonly inputs: readonly (readonly number[])[];
  readonly output: readonly number[];
  readonly terms?: number;
}

/**
 * Assemble one output block from regions of input views: input i is written at output
 * coordinates `starts[i]` (its shape is the region's). Elements no region covers get `fill`.
 */
export interface AssembleAttrs {
  readonly starts: readonly (readonly number[])[];
  readonly fill: number;
}

/** Elements of an array defined by their global C-order index (creation routines). */
export interface GenerateAttrs {
  /** Global shape of the array being generated and the block's start coordinates in it. */
  readonly globalShape: readonly number[];
  readonly blockStart: readonly number[];
  readonly generator: Generator;
}

export type Generator =
  | { readonly kind: "arange"; readonly start: number; readonly step: number }
  | { readonly kind: "linspace"; readonly start: number; readonly stop: number; readonly num: number; readonly endpoint: boolean }
  | { readonly kind: "eye"; readonly k: number }
  | { readonly kind: "tri"; readonly k: number }
  | { readonly kind: "hashed"; readonly salt: number; readonly scale: number }
  | RandomGenerator
  | PermutationGenerator;

/**
 * A slice of `permutation(n)` under (key, stream, stream + 1), computed on one worker by the
 * bucketed shuffle (kernels/ts/random/permutation.ts); the element at position p is the block's
 * p − blockStart[0].
 */
export interface PermutationGenerator {
  readonly kind: "permutation";
  readonly key: readonly [number, number];
  readonly stream: number;
  readonly n: number;
}

/**
 * Random elements: element i (global C-order index) is a pure function of (key, stream, i), so the
 * array is bit-identical for every block shape and node count. `key` is the Philox key derived from
 * the seed (kernels/ts/random/seed.ts) and `stream` the call's number under that seed. The output
 * view's dtype is the sample dtype. Build `distribution` with the validating constructors of
 * kernels/ts/random/distributions.ts; docs/random.md is the full contract.
 */
export interface RandomGenerator {
  readonly kind: "random";
  readonly key: readonly [number, number];
  readonly stream: number;
  readonly distribution: RandomDistribution;
}

/** A distribution `nt.random` samples, with NumPy's parameter names. */
export type RandomDistribution =
  | { readonly name: "random" }
  | { readonly name: "uniform"; readonly low: number; readonly high: number }
  | { readonly name: "normal"; readonly loc: number; readonly scale: number }
  | { readonly name: "exponential"; readonly scale: number }
  | { readonly name: "integers"; readonly low: number; readonly high: number; readonly endpoint: boolean }
  | { readonly name: "poisson"; readonly lam: number }
  | { readonly name: "binomial"; readonly n: number; readonly p: number };

/** Inclusive scan (cumsum/cumprod) along `axis`; an optional second input is the carry-in. */
export interface ScanAttrs {
  readonly op: "cumsum" | "cumprod" | "nancumsum" | "nancumprod";
  readonly axis: number;
  readonly hasCarry: boolean;
}

/**
 * Checks the values of a block on the node and fails the op with `message` when the check does
 * not hold (data-dependent errors such as NumPy's "All-NaN slice encountered"); the output is a
 * copy of the input, so the check sits on the data path of everything that depends on it.
 */
export interface CheckAttrs {
  readonly check: "nonNegative" | "finite";
  readonly errorName: "RangeError" | "LinAlgError";
  readonly message: string;
}

/**
 * Reshape: the output block (at `outStart` in an array of `outShape`) takes, in C order, the
 * elements at the same flat positions of an array of `inShape`; input i is the region of that
 * array starting at `inStarts[i]` (its shape is the view's). The inputs cover the block.
 */
export interface ReshapeAttrs {
  readonly inShape: readonly number[];
  readonly outShape: readonly number[];
  readonly outStart: readonly number[];
  readonly inStarts: readonly (readonly number[])[];
}

/**
 * Repeat along `axis`: the sequence in which element j of the input view appears `counts[j]`
 * times (`counts` times when a number), from position `skip` on, fills the output along `axis`.
 */
export interface RepeatAttrs {
  readonly axis: number;
  readonly counts: number | Float64Array;
  readonly skip: number;
}

// ---- Single-block linear algebra (kernels/ts/linalg, kernels/native/linalg) --------------------
// Inputs are 2-D views (any strides; 1-D where stated), outputs contiguous row-major of the input
// dtype (float64 or float32; other input dtypes are converted). Shapes are the caller's to check:
// the kernels throw LinAlgError/ShapeError instead of misbehaving, but with NumPy's words only
// for the failures NumPy itself reports (see each kernel's file for its NaN/Inf behaviour).

/**
 * Householder QR (LAPACK geqrf/orgqr) of the vertical stack of the inputs, A = [A1; A2; ...]
 * (m×n, m = Σ rows, k = min(m, n)): the merge step of TSQR needs no concatenation. R's diagonal
 * signs are LAPACK's (as NumPy). Outputs by mode (NumPy's `mode`):
 * - "reduced": Q (m×k), R (k×n);
 * - "complete": Q (m×m), R (m×n);
 * - "r": R (k×n) only.
 * With `splitQ`, Q is written as one output per input (rows of that input), then R.
 * With `triangularInputs`, every input is taken as upper triangular (its strictly lower part is
 * not read): TSQR's merge of R factors. In mode "r" with square inputs the native kernel then
 * uses LAPACK tpqrt, which skips the zeros (for two inputs ~5× fewer flops than geqrf).
 */
export interface QrAttrs {
  readonly mode: "reduced" | "complete" | "r";
  readonly splitQ?: boolean;
  readonly triangularInputs?: boolean;
}

/**
 * Cholesky factor of a symmetric positive-definite n×n matrix (LAPACK potrf): L (lower, from
 * A's lower triangle; NumPy's default) or, with `upper`, U = Lᵀ from A's upper triangle. The other
 * triangle of the input is not read. Throws LinAlgError("Matrix is not positive definite").
 */
export interface CholeskyAttrs {
  readonly upper?: boolean;
}

/**
 * Partial-pivoting LU (LAPACK getrf) of an m×n matrix: A = P·L·U. Outputs the packed factors
 * (m×n: L strictly below the diagonal, unit diagonal implied; U on and above) and the pivots
 * (int32, length min(m, n), 0-based: row i was interchanged with row piv[i], as
 * scipy.linalg.lu_factor). A singular matrix is not an error here; the kernel returns LAPACK's
 * INFO (0, or i + 1 for the first exactly zero U[i][i]).
 */
export type LuAttrs = Readonly<Record<string, never>>;

/**
 * Solve A·X = B (or Aᵀ·X = B with `trans`) from `lu`'s outputs: inputs LU (n×n), piv (n), B
 * (n or n×nrhs); output X shaped as B. Throws LinAlgError("Singular matrix") when U has an exact
 * zero on its diagonal, as numpy.linalg.solve.
 */
export interface LuSolveAttrs {
  readonly trans?: boolean;
}

/**
 * Triangular solve (BLAS trsm): op(A)·X = B (`side` "left", B m×nrhs or a vector of length m) or
 * X·op(A) = B ("right", B m×n), A square, op(A) = A or Aᵀ (`transA`). Only the `lower` (or upper)
 * triangle of A is read; with `unitDiagonal` its diagonal is taken as ones. An exactly zero
 * diagonal throws LinAlgError as scipy.linalg.solve_triangular.
 */
export interface TriangularSolveAttrs {
  readonly side: "left" | "right";
  readonly lower: boolean;
  readonly transA?: boolean;
  readonly unitDiagonal?: boolean;
  /** Where A's diagonal starts in the whole matrix (a tile's), for the error's index. */
  readonly diagonalStart?: number;
  /**
   * An exactly zero diagonal entry gives a zero unknown instead of an error: LAPACK getf2's rule
   * for a zero pivot, for LU's L = A·U⁻¹ where the column is then zero in exact arithmetic.
   */
  readonly skipZeroDiagonal?: boolean;
}

/**
 * The Gram matrix C = Aᵀ·diag(s)·A (n×n, symmetric, both triangles written) of A (m×n) with
 * optional weights s (length m; `weighted`) — the GLM Hessian block — as symmetric rank-k updates
 * (BLAS syrk) of row panels, never forming diag(s)·A. With `accumulate`, a last input C0 (n×n)
 * is added (summing the blocks of a tall matrix).
 *
 * With `appendOnes`, A is read as Ã = [A, 1] (a column of ones appended, never stored) and C is
 * (n+1)×(n+1): the intercept-augmented GLM Hessian [[AᵀSA, Aᵀs], [sᵀA, Σs]]. With `product`, an
 * input V (length m, or m×k) follows s and a second output P = Ãᵀ·V (length n', or n'×k) is
 * computed in the same pass over A (the GLM gradient next to its Hessian); `accumulate` then
 * takes C0 only.
 */
export interface GramAttrs {
  readonly weighted: boolean;
  readonly accumulate?: boolean;
  readonly appendOnes?: boolean;
  readonly product?: boolean;
}

/**
 * One pass of a GLM's Newton step over a row block (canonical link): inputs A (m×n), y (m), the
 * sample weights ω (m) when `weighted`, and β (n', n' = n + 1 with `appendOnes`, the intercept
 * last). With η = Ãβ per row, outputs C = Ãᵀ·diag(ω·v(η))·Ã (n'×n'), P = Ãᵀ·(ω·(μ(η) − y)) (n')
 * and L = Σ ω·ℓ(y, η) (shape (1)), for the family's mean μ, variance v and loss ℓ (binomial:
 * σ(η), μ(1−μ), log(1+e^η) − yη; poisson: e^η, e^η, e^η − yη; gaussian: η, 1, ½(η−y)²) —
 * everything a Newton step needs, reading each row of A once.
 */
export interface GlmGramAttrs {
  readonly family: "binomial" | "poisson" | "gaussian";
  readonly weighted: boolean;
  readonly appendOnes: boolean;
}

/**
 * y = A·x for A (m×n) and x (n) (BLAS gemv); a transposed A arrives as a view. With
 * `accumulate`, a third input y0 (m) is added.
 */
export interface GemvAttrs {
  readonly accumulate?: boolean;
}

/**
 * Singular value decomposition A = U·diag(S)·Vt (LAPACK gesdd, as NumPy), A m×n, k = min(m, n).
 * Outputs U (m×m or m×k), S (k, descending), Vt (n×n or k×n) by `fullMatrices`; with
 * `computeUv` false only S. NaN input throws LinAlgError("SVD did not converge") as NumPy.
 */
export interface SvdAttrs {
  readonly fullMatrices: boolean;
  readonly computeUv: boolean;
}

/**
 * Eigen-decomposition of a symmetric n×n matrix from its `uplo` triangle (LAPACK syevd, as
 * NumPy's eigh/eigvalsh): eigenvalues ascending (n) and, with `computeV`, the eigenvectors as the
 * columns of V (n×n). NaN in the referenced triangle throws LinAlgError("Eigenvalues did not
 * converge") as NumPy.
 */
export interface EighAttrs {
  readonly uplo: "L" | "U";
  readonly computeV: boolean;
}

/** Inverse of a square matrix (getrf, then getrs against I, as numpy.linalg.inv). Singular → LinAlgError("Singular matrix"). */
export type InverseAttrs = Readonly<Record<string, never>>;

/**
 * NumPy's slogdet of a square matrix from its LU factors: output [sign, logabsdet] (2 elements);
 * a singular matrix gives [0, -Infinity]. numpy.linalg.det is sign·exp(logabsdet).
 */
export type SlogdetAttrs = Readonly<Record<string, never>>;

// ---- Tile kernels of the distributed factorizations (src/linalg) -----------------------------
// Same conventions as the single-block kernels above; see src/kernels/ts/tiles/ for each one's
// reference implementation and docs/linalg.md for the algorithms that compose them.

/**
 * The Schur-complement update of every blocked factorization: C = C0 − Σ_t A_t·B_t (BLAS gemm with
 * alpha = −1, beta = 1, accumulating in place). Inputs A1, B1, …, At, Bt, C0 (`terms` = t, default
 * 1); a transposed operand arrives as a view. With `exchange`, C0 (rows from `first`) first gets
 * the row exchange of an LU step (see RowExchangeAttrs): two more inputs follow, the step's
 * interchanges and the column's old rows [top, top + r) — so the exchange costs no pass of its own.
 */
export interface SchurUpdateAttrs {
  readonly terms?: number;
  readonly exchange?: { readonly top: number; readonly first: number };
  /**
   * Every B_t is A_tᵀ and C is a symmetric diagonal tile: only C's lower triangle is computed
   * (BLAS syrk, half the flops); the upper triangle is C0's.
   */
  readonly lower?: boolean;
}

/**
 * One round of tournament pivoting (CALU; Grigori, Demmel & Xiang 2011): partial-pivoting LU
 * (getrf) of the vertical stack of candidate rows, keeping the r = min(rows, w) rows it picks.
 * Inputs: q candidate blocks V1..Vq (rows × w), then their rows' positions P1..Pq (int32) — or,
 * with `firstRows`, no positions: block i holds positions firstRows[i], firstRows[i] + 1, ….
 * Outputs: the picked rows' values as given (r × w); their positions (int32, r) in pivot order —
 * or, with `top` (the last round), the LU step's interchanges from position top (see
 * PanelLuAttrs); and the packed LU factors of the picked rows in that order (r × w: unit L below
 * the diagonal, U on and above). With `raiseSingular`, an exactly zero pivot raises
 * LinAlgError("Singular matrix").
 */
export interface TournamentAttrs {
  readonly firstRows?: readonly number[];
  readonly top?: number;
  readonly raiseSingular?: boolean;
}

/**
 * Partial-pivoting LU (LAPACK getrf) of a tile column's panel: the vertical stack of the inputs
 * (rows from position `top`). Outputs: one block per input with the packed factors of its rows
 * (after the interchanges: unit L below the diagonal, U on and above), then the interchanges
 * (int32, min(m, w)), as LAPACK's ipiv in whole-matrix positions: for s = 0, 1, …, row top + s is
 * swapped with row piv[s]. With `raiseSingular`, an exactly zero pivot raises
 * LinAlgError("Singular matrix").
 */
export interface PanelLuAttrs {
  readonly top: number;
  readonly raiseSingular?: boolean;
}

/**
 * The row exchange of an LU step on a column of tiles: the step's interchanges (int32, as
 * PanelLuAttrs', from position `top`). Inputs: the interchanges, the column's old rows
 * [top, top + r), then source tiles (source i starts at position `sources[i]`). Output: rows
 * [first, first + m) of the exchanged column; a row whose source is neither the old top rows nor
 * a source tile is taken from the `base` input (the partial of another node, in output
 * positions; the input after the top rows) or else left zero. Rows below the top ever only
 * receive old top rows.
 */
export interface RowExchangeAttrs {
  readonly top: number;
  readonly first: number;
  readonly sources: readonly number[];
  readonly base?: boolean;
}

/**
 * slogdet of a matrix from its blocked LU: inputs piv_s, lu_s per step s (the step's interchanges
 * and diagonal tile factors, top row `tops[s]`); output [sign, logabsdet] as NumPy's slogdet (a
 * zero pivot gives [0, −∞]).
 */
export interface LuSlogdetAttrs {
  readonly tops: readonly number[];
}

/**
 * Householder QR in compact WY form (Schreiber & Van Loan 1989; LAPACK geqrf + larft) of the
 * vertical stack of the inputs (m×n, k = min(m, n)): Q = H_1⋯H_k = I − V·T·Vᵀ. Outputs R (k×n),
 * T (k×k, upper triangular) and V as one piece per input (that input's rows × k; V is unit lower
 * trapezoidal, its ones and zeros written out). With `triangularInputs` every input is taken as
 * upper triangular (merging R factors in tiled QR).
 */
export interface HouseholderAttrs {
  readonly triangularInputs?: boolean;
}

/**
 * Applies `householder`'s Q = I − V·T·Vᵀ to the vertical stack C = [C1; …; Cq]: Qᵀ·C with
 * `transpose`, else Q·C. Inputs V1..Vq, T, C1..Cq (Ci has Vi's rows); one output per Ci.
 */
export interface ApplyHouseholderAttrs {
  readonly transpose: boolean;
}

/** Kernel name → attrs. Adding a kernel means adding it here, in kernels/ts, and (optionally) native. */
export interface KernelAttrs extends SortKernelAttrs, GatherKernelAttrs {
  fused: FusedAttrs;
  reduce: ReduceAttrs;
  combine: CombineAttrs;
  gemm: GemmAttrs;
  einsum: EinsumAttrs;
  assemble: AssembleAttrs;
  generate: GenerateAttrs;
  scan: ScanAttrs;
  check: CheckAttrs;
  reshape: ReshapeAttrs;
  repeat: RepeatAttrs;
  qr: QrAttrs;
  cholesky: CholeskyAttrs;
  lu: LuAttrs;
  luSolve: LuSolveAttrs;
  triangularSolve: TriangularSolveAttrs;
  gram: GramAttrs;
  glmGram: GlmGramAttrs;
  gemv: GemvAttrs;
  svd: SvdAttrs;
  eigh: EighAttrs;
  inverse: InverseAttrs;
  slogdet: SlogdetAttrs;
  schurUpdate: SchurUpdateAttrs;
  tournament: TournamentAttrs;
  panelLu: PanelLuAttrs;
  rowExchange: RowExchangeAttrs;
  luSlogdet: LuSlogdetAttrs;
  householder: HouseholderAttrs;
  applyHouseholder: ApplyHouseholderAttrs;
}

export type KernelName = keyof KernelAttrs;

/** A kernel may return a small plain value (e.g. a count) that travels back to the driver. */
export type KernelResult = void | number | readonly number[];

export type KernelFn<N extends KernelName> = (inputs: readonly View[], outputs: readonly View[], attrs: KernelAttrs[N]) => KernelResult;

export type KernelTable = { readonly [N in KernelName]: KernelFn<N> };

/** The output dtypes of each reduction's partial state, given the dtype of the reduced value. */
export function reduceStateDtypes(op: ReduceOp, valueDtype: Dtype, sumDtype: Dtype): Dtype[] {
  switch (op) {
    case "sum":
    case "prod":
    case "nansum":
    case "nanprod":
      return [sumDtype];
    case "min":
    case "max":
    case "nanmin":
    case "nanmax":
      return [valueDtype];
    case "argmin":
    case "argmax":
    case "nanargmin":
    case "nanargmax":
      return [valueDtype, "float64"];
    case "all":
    case "any":
      return ["bool"];
    case "moments":
    case "nanmoments":
      return ["float64", "float64", "float64"];
  }
}
