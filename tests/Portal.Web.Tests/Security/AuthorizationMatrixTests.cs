using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Web.Tests.Security;

/// <summary>SEC-30: every mapped endpoint × {anonymous, User, Developer, Admin} against the hand-written table.</summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    // SEC-30
    [Fact]
    public void Every_mapped_endpoint_is_listed_in_the_expectation_table()
    {
        var mapped = MappedEndpointKeys();

        var unlisted = Unlisted(mapped);

        Assert.True(mapped.Count > 60, $"Only {mapped.Count} endpoints were discovered; the discovery rule is broken.");
        Assert.True(unlisted.Count == 0, "Endpoints with no row in AuthorizationMatrix (decide who may reach them): " + string.Join(", ", unlisted));
    }

    [Fact]
    public void Every_row_of_the_table_is_still_mapped()
    {
        var mapped = MappedEndpointKeys();

        var stale = AuthorizationMatrix.Entries.Select(e => e.Key).Where(k => !mapped.Contains(k)).ToList();

        Assert.True(stale.Count == 0, "Rows for endpoints the host no longer maps: " + string.Join(", ", stale));
    }

    // SEC-30
    [Fact]
    public void A_new_endpoint_without_a_row_is_reported_by_the_listing_check()
    {
        var mapped = MappedEndpointKeys();
        mapped.Add("GET /debug/dump-everything");

        var unlisted = Unlisted(mapped);

        Assert.Equal(["GET /debug/dump-everything"], unlisted);
    }

    // SEC-30
    [Fact]
    public void A_page_that_lost_its_policy_would_fail_the_matrix()
    {
        var users = AuthorizationMatrix.Find("GET,POST /admin/users");

        var bobGetsThePage = MatrixVerdict.Check(users, MatrixCaller.User, HttpStatusCode.OK, null);
        var anonymousGetsThePage = MatrixVerdict.Check(users, MatrixCaller.Anonymous, HttpStatusCode.OK, null);
        var bobIsDenied = MatrixVerdict.Check(users, MatrixCaller.User, HttpStatusCode.Redirect, new Uri("/Account/AccessDenied?ReturnUrl=%2Fadmin%2Fusers", UriKind.Relative));

        Assert.NotNull(bobGetsThePage);
        Assert.NotNull(anonymousGetsThePage);
        Assert.Null(bobIsDenied);
    }

    // SEC-30
    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Cells), MemberType = typeof(AuthorizationMatrix))]
    public async Task Each_endpoint_answers_each_caller_as_the_table_says(string key, MatrixCaller caller)
    {
        var entry = AuthorizationMatrix.Find(key);

        using var response = await SendAsync(entry, caller);

        var failure = MatrixVerdict.Check(entry, caller, response.StatusCode, response.Headers.Location);
        Assert.True(failure is null, failure);
    }

    // SEC-30
    [Theory]
    [InlineData(MatrixCaller.User)]
    [InlineData(MatrixCaller.Developer)]
    [InlineData(MatrixCaller.Admin)]
    public async Task A_browser_session_cookie_does_not_authenticate_the_api(MatrixCaller caller)
    {
        var client = fixture.Cookie(caller);

        using var response = await client.GetAsync("/api/v1/connections");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(MatrixEntry entry, MatrixCaller caller)
    {
        if (entry.IsApi)
        {
            // A row mapped for several methods ("GET,POST") is probed with the first.
            var method = entry.Method.Split(',')[0];
            using var api = new HttpRequestMessage(new HttpMethod(method), entry.Sample);
            if (method is "POST" or "PUT")
            {
                // A complete body, so a missing role check cannot hide behind a validation error.
                var body = entry.Pattern == "/api/v1/connections"
                    ? """{"name":"Matrix probe","serviceId":"github","scopes":["repo"]}"""
                    : "{}";
                api.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            return await fixture.Token(caller).SendAsync(api, HttpCompletionOption.ResponseHeadersRead);
        }

        var client = fixture.Cookie(caller);
        if (entry.Form)
        {
            // Required form fields are left out on purpose: authorized callers get a 400 and nobody is signed out.
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = fixture.Antiforgery(caller) });
            using var post = new HttpRequestMessage(HttpMethod.Post, entry.Sample) { Content = form };
            return await client.SendAsync(post, HttpCompletionOption.ResponseHeadersRead);
        }

        // Headers only: the verdict is about authorization, and a page that fails later while streaming must not hide it.
        return await client.GetAsync(entry.Sample, HttpCompletionOption.ResponseHeadersRead);
    }

    private static List<string> Unlisted(IEnumerable<string> mapped)
    {
        var listed = AuthorizationMatrix.Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        return [.. mapped.Where(k => !listed.Contains(k)).Order(StringComparer.Ordinal)];
    }

    /// <summary>"METHODS pattern" of every routable endpoint; fingerprinted static files (StaticAssetDescriptor) are the one exclusion.</summary>
    private HashSet<string> MappedEndpointKeys()
    {
        var source = fixture.Factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => $"{Methods(e)} {e.RoutePattern.RawText}")
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? string.Join(",", methods) : "*";
}
