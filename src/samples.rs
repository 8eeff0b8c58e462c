//! The bundled sample articles (fictional), embedded in the binary for the first run.
