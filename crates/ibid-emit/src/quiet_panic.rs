//! Catching a panic of a dependency without its message on stderr.
//!
//! hayagriva panics on some data; the Chicago writer catches the panic and
//! renders the entry with fewer fields (see `chicago/degrade.rs`), so the
//! panic is no failure of ibid's and its message ("thread 'main' panicked
//! at …", a backtrace with `RUST_BACKTRACE`) would only alarm the user.
//! [`catch`] runs a closure with the panic message silenced on this thread:
//! the first call installs, once per process, a panic hook that hands every
//! other panic to the hook installed before it, so panics elsewhere (and on
//! other threads) print as they always did.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

/// Run `f`; a panic in it becomes `Err` with its payload, and prints nothing.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Box<dyn Any + Send>> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_flag_is_restored() {
        let r: Result<(), _> = catch(|| panic!("boom"));
        let payload = r.unwrap_err();
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"boom"));
        assert!(!QUIET.with(Cell::get));
        assert_eq!(catch(|| 7).ok(), Some(7));
    }
}
