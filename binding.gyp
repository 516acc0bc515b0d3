{
  "targets": [
    {
      "target_name": "numts_native",
      "sources": [
        "native/addon.cc",
        "native/blas.cc",
        "native/contract.cc",
        "native/engine/opnames.cc",
        "native/engine/loops.cc",
        "native/engine/vmath.cc",
        "native/engine/program.cc",
        "native/engine/fused.cc",
        "native/engine/accumulators.cc",
        "native/engine/reduce.cc",
        "native/engine/scan.cc",
        "native/lapack.cc",
        "native/lapack_factor.cc",
        "native/lapack_spectral.cc",
        "native/lapack_blas.cc",
        "native/lapack_tiles.cc",
        "native/sort/sort.cc",
        "native/sort/scan.cc",
        "native/random/fill.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "/usr/include/x86_64-linux-gnu/openblas-pthread",
        "native"
      ],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags_cc": ["-O3", "-std=c++17", "-march=native", "-fno-math-errno", "-ffp-contract=off", "-mprefer-vector-width=512"],
      "cflags_cc!": ["-fno-exceptions"],
      "libraries": ["-lopenblas", "-lmvec", "-lm"]
    }
  ]
}
