using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Functions;

namespace Portal.Web.Tests.Security;

/// <summary>SEC-30's "other user's resource" column: bob (User) against alice's (Developer) private connection and runs.</summary>
public sealed class OtherUsersResourceTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string AlicesApi = "/api/v1/connections/" + AuthorizationMatrix.AlicesLink;

    // SEC-30
    [Theory]
    [InlineData("GET", AlicesApi)]
    [InlineData("DELETE", AlicesApi)]
    [InlineData("POST", AlicesApi + "/authorize")]
    [InlineData("POST", AlicesApi + "/revoke")]
    public async Task Bob_gets_404_for_every_api_endpoint_on_alices_private_connection(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await fixture.Token(MatrixCaller.User).SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(AuthorizationMatrixFixture.AlicesConnectionName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // SEC-30
    [Fact]
    public async Task Alices_private_connection_survives_bobs_attempts_and_is_hers_alone_in_listings()
    {
        using var _ = await fixture.Token(MatrixCaller.User).DeleteAsync(AlicesApi);

        var bobs = await fixture.Token(MatrixCaller.User).GetStringAsync("/api/v1/connections?scope=all");
        var alices = await fixture.Token(MatrixCaller.Developer).GetFromJsonAsync<JsonElement>(AlicesApi);

        Assert.DoesNotContain(AuthorizationMatrix.AlicesLink, bobs, StringComparison.Ordinal);
        Assert.Equal(AuthorizationMatrixFixture.AlicesConnectionName, alices.GetProperty("summary").GetProperty("name").GetString());
    }

    // SEC-30
    [Fact]
    public async Task Bob_sees_not_found_on_the_page_of_alices_private_connection()
    {
        var bobs = await fixture.Cookie(MatrixCaller.User).GetStringAsync("/connections/" + AuthorizationMatrix.AlicesLink);
        var alices = await fixture.Cookie(MatrixCaller.Developer).GetStringAsync("/connections/" + AuthorizationMatrix.AlicesLink);

        Assert.Contains("Connection not found", bobs, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthorizationMatrixFixture.AlicesConnectionName, bobs, StringComparison.Ordinal);
        Assert.Contains(AuthorizationMatrixFixture.AlicesConnectionName, alices, StringComparison.Ordinal);
    }

    // SEC-30
    [Fact]
    public async Task Bob_does_not_see_alices_connection_in_the_connections_list_page()
    {
        var bobs = await fixture.Cookie(MatrixCaller.User).GetStringAsync("/connections");

        Assert.DoesNotContain(AuthorizationMatrixFixture.AlicesConnectionName, bobs, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthorizationMatrix.AlicesLink, bobs, StringComparison.Ordinal);
    }

    // SEC-30: functions are shared with every member by design (Users run them); runs are private.
    [Fact]
    public async Task Bob_does_not_see_the_runs_alice_made_of_a_shared_function()
    {
        var page = await ReadRenderedAsync(fixture.Cookie(MatrixCaller.User), "/functions/" + AuthorizationMatrix.AlicesFunction);
        using var scope = fixture.Factory.Services.CreateScope();
        var functions = scope.ServiceProvider.GetRequiredService<IFunctionService>();

        var bobsRuns = await functions.ListRunsAsync(await fixture.PrincipalAsync(AuthorizationMatrixFixture.BobEmail), fixture.AlicesFunctionId);
        var alicesRuns = await functions.ListRunsAsync(await fixture.PrincipalAsync(AuthorizationMatrixFixture.AliceEmail), fixture.AlicesFunctionId);

        Assert.Empty(bobsRuns);
        Assert.Contains(alicesRuns, r => r.Info.Contains(AuthorizationMatrixFixture.AlicesRunMarker, StringComparer.Ordinal));
        Assert.DoesNotContain(AuthorizationMatrixFixture.AlicesRunMarker, page, StringComparison.Ordinal);
    }

    /// <summary>Whatever the server rendered (the editor page no longer touches JS interop while prerendering).</summary>
    private static async Task<string> ReadRenderedAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
