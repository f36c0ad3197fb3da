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

    // A plain monitor, not a SemaphoreSlim: idle workers must not spin on a machine whose cores the runs need.
    private sealed class Worker(Action first)
    {
        private readonly object gate = new();
        private Action? job = first;
        private bool waiting;
        private bool retired;

        public void Start() => new Thread(Loop, StackSize) { IsBackground = true, Name = "portal-script-run" }.Start();

        /// <summary>False when the worker retired in the meantime; the caller takes another.</summary>
        public bool TryAssign(Action work)
        {
            lock (gate)
            {
                if (!waiting || retired)
                {
                    return false;
                }

                waiting = false;
                job = work;
                Monitor.Pulse(gate);
                return true;
            }
        }

        private void Loop()
        {
            while (true)
            {
                Action work;
                lock (gate)
                {
                    work = job!;
                    job = null;
                }

                // The work reports its own failures (ScriptEngine completes a task with them); nothing escapes here.
                work();
                if (Interlocked.Increment(ref idleCount) > MaxIdle)
                {
                    Interlocked.Decrement(ref idleCount);
                    return;
                }

                lock (gate)
                {
                    waiting = true;
                    Idle.Push(this);
                    while (job is null)
                    {
                        // A worker left idle for the timeout retires; the stack still holds it and the next caller skips it.
                        if (!Monitor.Wait(gate, IdleTimeout) && job is null)
                        {
                            retired = true;
                            return;
                        }
                    }
                }
            }
        }
    }
}
