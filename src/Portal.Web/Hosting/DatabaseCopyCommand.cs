using Portal.Web.Data.Copy;

namespace Portal.Web.Hosting;

/// <summary>
/// <c>Portal.Web db copy --from "Data Source=portal.db" --to "Host=…;Database=…;Username=…;Password=…"</c>: the portal's
/// own verb (it needs the portal's model, which the <c>portal</c> CLI does not carry) for moving from SQLite to PostgreSQL.
/// </summary>
internal static class DatabaseCopyCommand
{
    public const string Usage = "usage: Portal.Web db copy --from \"Data Source=portal.db\" --to \"Host=…;Database=…;Username=…;Password=…\"";

    public static bool Matches(string[] args) => args.Length >= 2 && args[0] == "db" && args[1] == "copy";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        string? from = null, to = null;
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Length:
                    from = args[++i];
                    break;
                case "--to" when i + 1 < args.Length:
                    to = args[++i];
                    break;
                default:
                    await error.WriteLineAsync($"error: unexpected argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        if (from is null || to is null)
        {
            await error.WriteLineAsync($"error: db copy needs both --from (the SQLite database) and --to (an empty PostgreSQL database). {Usage}");
            return 2;
        }

        try
        {
            var copied = await new DatabaseCopy(from, to, output).RunAsync(ct);
            await output.WriteLineAsync($"copied {copied.Sum(c => c.Rows)} rows in {copied.Count} tables. Start the portal with Database__Provider=PostgreSQL and the same DataProtection certificate: stored secrets are copied encrypted.");
            return 0;
        }
        catch (DatabaseCopyException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }
}
