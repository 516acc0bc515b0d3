// SPDX-License-Identifier: Apache-2.0
/**
 * Unblocked Householder QR on column-major float64 storage, following LAPACK's dgeqr2/dlarfg/dorg2r
 * (Golub & Van Loan, Matrix Computations, 4th ed., §5.1–5.2) so R's diagonal signs are LAPACK's:
 * each reflector maps its column to beta·e1 with beta = −sign(alpha)·‖x‖, and a column that is
 * already zero below the diagonal gets tau = 0 (H = I) and keeps its sign.
 */

const EPS = 2 ** -53;
/** LAPACK's safe minimum over eps: below it, 1/beta may overflow, so dlarfg rescales. */
const SAFMIN = 2 ** -1022 / EPS;

/** ‖x‖₂ over x[off + i·inc], i < n, with the scaling of LAPACK's classic dnrm2 (no overflow). */
export function nrm2(x: Float64Array, off: number, n: number, inc = 1): number {
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(x[off + i * inc]!);
    if (v !== 0) {
      if (scale < v) {
        ssq = 1 + ssq * (scale / v) ** 2;
        scale = v;
      } else {
        ssq += (v / scale) ** 2;
      }
    }
  }
  return scale * Math.sqrt(ssq);
}

/** Fortran's SIGN(a, b): |a| with the sign (bit) of b. */
function sign(a: number, b: number): number {
  return b < 0 || Object.is(b, -0) ? -Math.abs(a) : Math.abs(a);
}

/**
 * dlarfg: the reflector H = I − tau·v·vᵀ (v[0] = 1) with H·[alpha; x] = [beta; 0]. `x` is
 * w[off + 1 .. off + n − 1] and is overwritten by v[1..]; w[off] (alpha) is overwritten by beta.
 * Returns tau.
 */
export function reflector(w: Float64Array, off: number, n: number): number {
  if (n <= 1) return 0;
  let alpha = w[off]!;
  let xnorm = nrm2(w, off + 1, n - 1);
  if (xnorm === 0) return 0;
  let beta = -sign(Math.hypot(alpha, xnorm), alpha);
  let knt = 0;
  if (Math.abs(beta) < SAFMIN) {
    // beta may be inaccurate: scale x up until it is not (at most 20 times, as LAPACK).
    const rsafmn = 1 / SAFMIN;
    do {
      knt++;
      for (let i = 1; i < n; i++) w[off + i]! *= rsafmn;
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (Math.abs(beta) < SAFMIN && knt < 20);
    xnorm = nrm2(w, off + 1, n - 1);
    beta = -sign(Math.hypot(alpha, xnorm), alpha);
  }
  const tau = (beta - alpha) / beta;
  const d = alpha - beta;
  for (let i = 1; i < n; i++) w[off + i]! /= d;
  for (let j = 0; j < knt; j++) beta *= SAFMIN;
  w[off] = beta;
  return tau;
}

/**
 * Applies H = I − tau·v·vᵀ (v = [1; w[voff + 1 .. voff + len − 1]]) from the left to the column
 * segment w[coff .. coff + len − 1].
 */
function applyReflector(w: Float64Array, voff: number, len: number, tau: number, c: Float64Array, coff: number): void {
  let s = c[coff]!;
  for (let i = 1; i < len; i++) s += w[voff + i]! * c[coff + i]!;
  s *= tau;
  if (s === 0) return;
  c[coff]! -= s;
  for (let i = 1; i < len; i++) c[coff + i]! -= s * w[voff + i]!;
}

/**
 * dgeqr2: factors the m×n column-major matrix `w` (leading dimension m) in place: R on and above
 * the diagonal, the reflectors' v below it; returns tau (length min(m, n)).
 */
export function householderQr(w: Float64Array, m: number, n: number): Float64Array {
  const k = Math.min(m, n);
  const tau = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const d = j * m + j;
    tau[j] = reflector(w, d, m - j);
    if (tau[j] === 0) continue;
    for (let c = j + 1; c < n; c++) applyReflector(w, d, m - j, tau[j]!, w, c * m + j);
  }
  return tau;
}

/**
 * dorg2r: the first `cols` columns of Q = H₀·H₁·…·H_{k−1} (m×cols, column-major) from
 * householderQr's reflectors, by backward accumulation (Golub & Van Loan §5.1.6): H_j leaves
 * the columns before j untouched, so each step only updates columns j..cols−1.
 */
export function formQ(w: Float64Array, m: number, tau: Float64Array, cols: number): Float64Array {
  const q = new Float64Array(m * cols);
  for (let j = 0; j < cols; j++) q[j * m + j] = 1;
  for (let j = tau.length - 1; j >= 0; j--) {
    if (tau[j] === 0) continue;
    for (let c = j; c < cols; c++) applyReflector(w, j * m + j, m - j, tau[j]!, q, c * m + j);
  }
  return q;
}

/**
 * Overwrites the m×cols column-major `c` with Q·c, Q = H₀·H₁·…·H_{k−1} from householderQr's
 * reflectors (dorm2r with side L, no transpose): the reflectors apply last to first.
 */
export function applyQ(w: Float64Array, m: number, tau: Float64Array, c: Float64Array, cols: number): void {
  for (let j = tau.length - 1; j >= 0; j--) {
    if (tau[j] === 0) continue;
    for (let col = 0; col < cols; col++) applyReflector(w, j * m + j, m - j, tau[j]!, c, col * m + j);
  }
}
