//! The `byline` binary: wires the command line to the core library and the reader.

fn main() {}
