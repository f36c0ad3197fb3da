using System.Net;
using System.Text.Json;
using Duende.IdentityModel.Client;

namespace Portal.Connections.OAuth;

/// <summary>Turns a Duende <see cref="TokenResponse"/> into a <see cref="TokenOutcome"/>; nothing is stored unless it is a Success (SEC-6).</summary>
internal static class TokenResponseReader
{
    public static TokenOutcome Read(TokenResponse r, DateTimeOffset sentAt)
    {
        var status = (int)r.HttpStatusCode;
        var retryAfter = RetryAfter(r.HttpResponse);
        if (r.ErrorType == ResponseErrorType.Exception && r.HttpResponse is null)
        {
            return new(TokenOutcomeKind.Transient, Problem: "the token endpoint could not be reached or timed out", RetryAfter: retryAfter);
        }

        if (status == 429 || status >= 500)
        {
            return new(TokenOutcomeKind.Transient, Problem: $"the token endpoint answered HTTP {status}", RetryAfter: retryAfter);
        }

        var json = r.Json;
        if (json is not { ValueKind: JsonValueKind.Object })
        {
            // HTML login pages, arrays, plain text: never touch the token accessors (they assume an object).
            return new(TokenOutcomeKind.Rejected, Problem: $"the token endpoint answered HTTP {status} with something that is not a JSON token response");
        }

        // Prefer the body's "error" (Duende reports only the HTTP reason for some statuses).
        var obj = json.Value;
        string? error = obj.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (error is null && obj.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
        {
            error = "ok_false"; // Slack-style: HTTP 200 with {"ok":false}
        }

        if (error is null && status >= 400)
        {
            // RFC 6749 §5.2: 401 from the token endpoint means client authentication failed.
            error = status == 401 ? "invalid_client" : $"http_{status}";
        }

        if (!string.IsNullOrEmpty(error))
        {
            var kind = error switch
            {
                "invalid_grant" or "invalid_refresh_token" or "token_revoked" or "token_expired" or "invalid_code" or "bad_redirect_uri" or "code_already_used" => TokenOutcomeKind.InvalidGrant,
                "invalid_client" or "unauthorized_client" or "invalid_client_id" or "bad_client_secret" => TokenOutcomeKind.InvalidClient,
                "temporarily_unavailable" or "server_error" or "ratelimited" => TokenOutcomeKind.Transient,
                _ => TokenOutcomeKind.Rejected,
            };
            return new(kind, Problem: $"the provider answered '{Sanitize(error)}'" + Description(r), RetryAfter: retryAfter);
        }

        var access = r.AccessToken;
        if (string.IsNullOrWhiteSpace(access) || access.Any(char.IsControl))
        {
            return new(TokenOutcomeKind.Rejected, Problem: "the token response contains no access_token");
        }

        var refresh = string.IsNullOrWhiteSpace(r.RefreshToken) ? null : r.RefreshToken;
        DateTimeOffset? expiresAt = r.ExpiresIn > 0 ? sentAt.AddSeconds(r.ExpiresIn) : null;
        IReadOnlyList<string>? scopes = string.IsNullOrWhiteSpace(r.Scope)
            ? null
            : r.Scope.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new(TokenOutcomeKind.Success, access, refresh, expiresAt, scopes, ProviderAccount(json.Value), ApiDomain: ApiDomain(json.Value));
    }

    private static string Description(TokenResponse r) =>
        string.IsNullOrWhiteSpace(r.ErrorDescription) ? "" : $": {Sanitize(r.ErrorDescription)}";

    private static string? ProviderAccount(JsonElement json)
    {
        // Providers that name the account in the token response: Sandbox Cloud ("account"), Dropbox ("email" is not sent,
        // but "account_id" is), Slack ("team.name"), Salesforce ("instance_url").
        foreach (var key in new[] { "account", "email", "user_email", "account_id" })
        {
            if (json.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                return value.GetString();
            }
        }

        if (json.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object &&
            team.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        {
            return name.GetString();
        }

        return json.TryGetProperty("instance_url", out var instance) && instance.ValueKind == JsonValueKind.String ? instance.GetString() : null;
    }

    // Zoho names the data centre's API host ("https://www.zohoapis.eu"); only an absolute http(s) origin is kept.
    private static string? ApiDomain(JsonElement json) =>
        json.TryGetProperty("api_domain", out var value) && value.ValueKind == JsonValueKind.String
        && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date && response?.Headers.Date is { } now ? date - now : null;
    }

    // Provider error strings are echoed to users; keep them short and printable.
    private static string Sanitize(string value) =>
        new(value.Where(c => !char.IsControl(c)).Take(200).ToArray());

    public static bool IsServerError(HttpStatusCode code) => (int)code >= 500;
}
