//! Work on many inputs in parallel, results used in input order, with a
//! bounded window: a worker takes the next input only while fewer than
//! `2 × threads` finished results wait for an earlier, slower one, so
//! memory does not grow with the number of inputs when one is slow.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, MutexGuard};

use crate::args::MAX_THREADS;

/// The number of threads for `requested` (default: one per core) and
/// `inputs` inputs: at least 1, at most [`MAX_THREADS`] and the inputs.
pub fn thread_count(requested: Option<usize>, inputs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    requested
        .unwrap_or(cores)
        .min(MAX_THREADS)
        .min(inputs)
        .max(1)
}

struct State {
    /// The next item to hand out.
    next: usize,
    /// Items before this one are consumed.
    consumed: usize,
    stop: bool,
}

fn lock(m: &Mutex<State>) -> MutexGuard<'_, State> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `work` on every item with `threads` threads and hands the results
/// to `consume` in item order, on the calling thread. When `consume`
/// breaks, no further item is started and the call returns once the items
/// in progress are done.
///
/// A single item is worked on the calling thread: there is nothing to run
/// beside it, and a thread of its own would cost its start, the hand-off of
/// the result and a fresh malloc arena that grows page by page (thousands
/// of `mprotect` calls for a 20 MB transcript).
pub fn run_ordered<T, R, W, C>(items: &[T], threads: usize, work: W, mut consume: C)
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    C: FnMut(usize, R) -> ControlFlow<()>,
{
    if let [item] = items {
        // Whether `consume` breaks does not matter: there is no next item.
        let _ = consume(0, work(item));
        return;
    }
    let threads = threads.max(1);
    let window = threads * 2;
    let state = Mutex::new(State {
        next: 0,
        consumed: 0,
        stop: false,
    });
    let ready = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (state, ready, work) = (&state, &ready, &work);
            scope.spawn(move || loop {
                let i = {
                    let mut s = lock(state);
                    loop {
                        if s.stop || s.next >= items.len() {
                            return;
                        }
                        if s.next < s.consumed + window {
                            break;
                        }
                        s = ready.wait(s).unwrap_or_else(|p| p.into_inner());
                    }
                    s.next += 1;
                    s.next - 1
                };
                let Some(item) = items.get(i) else { return };
                if tx.send((i, work(item))).is_err() {
                    return;
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut want = 0;
        'receive: for (i, result) in &rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&want) {
                want += 1;
                lock(&state).consumed = want;
                ready.notify_all();
                if consume(want - 1, result).is_break() {
                    lock(&state).stop = true;
                    ready.notify_all();
                    break 'receive;
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn results_come_in_order() {
        let items: Vec<usize> = (0..200).collect();
        let mut seen = Vec::new();
        run_ordered(
            &items,
            4,
            |&i| i * 2,
            |i, r| {
                assert_eq!(r, i * 2);
                seen.push(i);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, items);
    }

    #[test]
    fn a_slow_item_holds_back_at_most_the_window() {
        // Item 0 is slow; the others are fast. No more than 2 × threads
        // items may be started beyond the oldest one not yet consumed.
        let items: Vec<usize> = (0..100).collect();
        let started = AtomicUsize::new(0);
        let mut max_ahead = 0;
        run_ordered(
            &items,
            3,
            |&i| {
                if i == 0 {
                    std::thread::sleep(Duration::from_millis(200));
                    return started.load(Ordering::SeqCst);
                }
                started.fetch_add(1, Ordering::SeqCst);
                0
            },
            |i, r| {
                if i == 0 {
                    max_ahead = r;
                }
                ControlFlow::Continue(())
            },
        );
        assert!(
            max_ahead <= 6,
            "{max_ahead} items started while item 0 was slow"
        );
        assert!(
            max_ahead >= 1,
            "the other threads did not work ahead at all"
        );
    }

    #[test]
    fn a_break_stops_the_workers() {
        let items: Vec<usize> = (0..1000).collect();
        let done = AtomicUsize::new(0);
        run_ordered(
            &items,
            2,
            |_| done.fetch_add(1, Ordering::SeqCst),
            |i, _| {
                if i == 3 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert!(
            done.load(Ordering::SeqCst) < 20,
            "{}",
            done.load(Ordering::SeqCst)
        );
    }

    #[test]
    fn a_single_item_is_worked_on_the_calling_thread() {
        let caller = std::thread::current().id();
        let mut seen = Vec::new();
        run_ordered(
            &[7],
            4,
            |&i| (i, std::thread::current().id()),
            |i, r| {
                seen.push((i, r));
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, [(0, (7, caller))]);
        // Two items go to the workers.
        let mut on_caller = 0;
        run_ordered(
            &[1, 2],
            2,
            |_| std::thread::current().id() == caller,
            |_, same| {
                on_caller += usize::from(same);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(on_caller, 0);
    }

    #[test]
    fn threads_are_clamped() {
        assert_eq!(thread_count(Some(5000), 1), 1);
        assert_eq!(thread_count(Some(5000), 10_000), MAX_THREADS);
        assert_eq!(thread_count(Some(3), 0), 1);
    }
}
