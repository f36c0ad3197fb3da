using System.Net;
using System.Text.Json;

namespace Portal.Cli.Commands.Remote;

/// <summary>Turns a failed API answer (problem details, error envelope, 422 diagnostics) into CLI error lines.</summary>
internal static class RemoteErrors
{
    public static async Task<int> ReportAsync(HttpResponseMessage response, CliContext context)
    {
        var text = await response.Content.ReadAsStringAsync(context.CancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await context.Error.WriteLineAsync("error: the portal rejected the token (401); create a new personal access token and run 'portal login' again");
            return ExitCodes.Failed;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.TryGetProperty("diagnostics", out var diagnostics))
            {
                foreach (var d in diagnostics.EnumerateArray())
                {
                    await context.Error.WriteLineAsync($"error: line {d.GetProperty("line").GetInt32()}, column {d.GetProperty("column").GetInt32()}: {d.GetProperty("message").GetString()}");
                }

                return ExitCodes.Failed;
            }

            var message = root.TryGetProperty("detail", out var detail) ? detail.GetString() : root.TryGetProperty("message", out var m) ? m.GetString() : null;
            await context.Error.WriteLineAsync($"error: {(int)response.StatusCode} {message ?? text}");
        }
        catch (JsonException)
        {
            await context.Error.WriteLineAsync($"error: the portal answered {(int)response.StatusCode} {response.ReasonPhrase}; check the URL given to 'portal login'");
        }

        return ExitCodes.Failed;
    }
}
