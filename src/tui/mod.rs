//! The reader: a thin terminal layer over the store.
