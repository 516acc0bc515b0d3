{
  "targets": [
    {
      "target_name": "numts_native",
      "sources": [
        "native/addon.cc",
        "native/blas.cc",
        "native/contract.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "/usr/include/x86_64-linux-gnu/openblas-pthread",
        "native"
      ],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags_cc": ["-O3", "-std=c++17", "-march=native", "-fno-math-errno"],
      "cflags_cc!": ["-fno-exceptions"],
      "libraries": ["-lopenblas", "-lmvec", "-lm"]
    }
  ]
}
