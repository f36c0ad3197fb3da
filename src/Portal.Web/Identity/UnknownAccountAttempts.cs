using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Identity;

/// <summary>
/// Failed sign-ins for emails that have no account, counted like Identity counts them for real accounts, so the fifth
/// failure shows the same lockout page whether or not the account exists (SEC-38). Bounded: a spray of made-up emails
/// cannot grow it without limit.
/// </summary>
internal sealed class UnknownAccountAttempts(IOptions<IdentityOptions> identity, TimeProvider time) : IDisposable
{
    private const int MaxTrackedEmails = 10_000;

    private readonly MemoryCache attempts = new(new MemoryCacheOptions { SizeLimit = MaxTrackedEmails });

    private string? nobodyHash;

    private LockoutOptions Lockout => identity.Value.Lockout;

    /// <summary>A hash of a random password, made once: checking a password against it costs what a real account's check costs.</summary>
    public string NobodyHash(IPasswordHasher<ApplicationUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref nobodyHash, () => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public static ApplicationUser Nobody { get; } = new() { Id = "nobody", UserName = "nobody" };

    public bool IsLockedOut(string normalizedEmail) =>
        attempts.TryGetValue(normalizedEmail, out Attempts? entry) && entry!.LockedUntil > time.GetUtcNow();

    /// <returns>True when this failure locks the email, as <see cref="UserManager{TUser}.AccessFailedAsync"/> would.</returns>
    public bool RecordFailure(string normalizedEmail)
    {
        lock (attempts)
        {
            var entry = attempts.TryGetValue(normalizedEmail, out Attempts? found) ? found! : new Attempts();
            entry.Count++;
            var locked = entry.Count >= Lockout.MaxFailedAccessAttempts;
            if (locked)
            {
                entry.Count = 0;
                entry.LockedUntil = time.GetUtcNow() + Lockout.DefaultLockoutTimeSpan;
            }

            attempts.Set(normalizedEmail, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
            return locked;
        }
    }

    public void Dispose() => attempts.Dispose();

    private sealed class Attempts
    {
        public int Count { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
