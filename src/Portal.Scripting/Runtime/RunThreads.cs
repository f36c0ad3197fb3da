using System.Collections.Concurrent;

namespace Portal.Scripting.Runtime;

/// <summary>
/// Threads with a roomy stack for runs, kept for the next run: starting a thread with a 16 MB stack cost more than a short
/// run itself (issue #18). A run takes an idle thread or starts a new one, so a run that waits (on HTTP, say) never delays
/// another; a thread idle for a minute, or beyond <see cref="MaxIdle"/> idle threads, ends.
/// </summary>
internal static class RunThreads
{
    public const int StackSize = 16 * 1024 * 1024;

    public const int MaxIdle = 64;

    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(1);

    private static readonly ConcurrentStack<Worker> Idle = new();

    private static int idleCount;

    /// <summary>Runs <paramref name="work"/> on a run thread, in the caller's execution context.</summary>
    public static void Start(Action work)
    {
        var context = ExecutionContext.Capture();
        Action job = context is null ? work : () => ExecutionContext.Run(context, static state => ((Action)state!)(), work);
        while (Idle.TryPop(out var worker))
        {
            Interlocked.Decrement(ref idleCount);
            if (worker.TryAssign(job))
            {
                return;
            }
        }

        new Worker(job).Start();
    }

    // An event that never spins: idle workers must not take the cores the runs need, and the caller handing over a run
    // must not spin on a lock the worker still holds on its way to sleep. A retired worker disposes its event: a caller
    // that still pops it from the stack fails TryAssign before touching the event.
    private sealed class Worker(Action first) : IDisposable
    {
        private const int Assigned = 0;
        private const int Waiting = 1;
        private const int Retired = 2;

        private readonly ManualResetEventSlim signal = new(false, spinCount: 0);
        private Action? job = first;
        private int state = Assigned;

        public void Start() => new Thread(Loop, StackSize) { IsBackground = true, Name = "portal-script-run" }.Start();

        public void Dispose() => signal.Dispose();

        /// <summary>False when the worker retired in the meantime; the caller takes another.</summary>
        public bool TryAssign(Action work)
        {
            job = work;
            if (Interlocked.CompareExchange(ref state, Assigned, Waiting) != Waiting)
            {
                job = null;
                return false;
            }

            signal.Set();
            return true;
        }

        private void Loop()
        {
            while (true)
            {
                var work = Interlocked.Exchange(ref job, null)!;

                // The work reports its own failures (ScriptEngine completes a task with them); nothing escapes here.
                work();
                if (Interlocked.Increment(ref idleCount) > MaxIdle)
                {
                    Interlocked.Decrement(ref idleCount);
                    Dispose();
                    return;
                }

                signal.Reset();
                Volatile.Write(ref state, Waiting);
                Idle.Push(this);
                while (!signal.Wait(IdleTimeout))
                {
                    // Retire unless a run is being handed over right now; the stack still holds a retired worker, skipped by the next caller.
                    if (Interlocked.CompareExchange(ref state, Retired, Waiting) == Waiting)
                    {
                        Dispose();
                        return;
                    }
                }
            }
        }
    }
}
