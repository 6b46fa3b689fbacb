//! Normaliser.
