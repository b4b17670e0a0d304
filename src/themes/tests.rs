//! Unit tests for the themes module.
