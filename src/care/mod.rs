//! Care: the self-check measures, the safety note and crisis lines, and the
//! feelings vocabulary. Pure logic and text: no I/O, no database.
//!
//! Every sentence in here may be read by someone in a tender state, so the
//! text is calm and plain, never diagnoses, never judges, and invites rather
//! than instructs.

pub mod decisions;
pub mod feelings;
pub mod measures;
pub mod safety;
