using Microsoft.EntityFrameworkCore;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Tests.Functions;

/// <summary>Private functions: seen, run and called (standalone.) by their owner and Admins only.</summary>
public sealed class PrivateFunctionTests : IDisposable
{
    private static readonly System.Security.Claims.ClaimsPrincipal Dave = FunctionTestDatabase.User("dave", "dave@test.local", Portal.Web.Identity.Roles.Developer);

    private readonly FunctionTestDatabase database = new();
    private readonly FunctionService service;
    private readonly FunctionRunner runner;

    public PrivateFunctionTests()
    {
        service = new FunctionService(database.Factory, database.Audit, database.Time);
        runner = new FunctionRunner(database.Factory, new FakeHttpInvokerFactory(), new NoIntegrations(), new SavedFunctionResolver(database.Factory), new FunctionRunPruner(database.Factory, database.Time), new FunctionRunGate(), database.Audit, database.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<FunctionRunner>.Instance);
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task New_functions_are_shared_unless_created_private()
    {
        var shared = await CreateAsync("open_fn", "return 1;", FunctionVisibility.Shared);

        var hidden = await CreateAsync("secret_fn", "return 2;", FunctionVisibility.Private);

        Assert.Equal(FunctionVisibility.Shared, shared.Visibility);
        Assert.Equal(FunctionVisibility.Private, hidden.Visibility);
        Assert.Equal(FunctionVisibility.Shared, new FunctionDraft("n", "n", null, []).Visibility);
    }

    // SEC-30
    [Fact]
    public async Task Another_users_private_function_is_missing_from_list_and_get_but_the_owner_and_admins_see_it()
    {
        await CreateAsync("open_fn", "return 1;", FunctionVisibility.Shared);
        await CreateAsync("secret_fn", "return 2;", FunctionVisibility.Private);

        var bobList = await service.ListAsync(FunctionTestDatabase.Bob);
        var daveGet = await service.GetAsync(Dave, "secret_fn");
        var aliceGet = await service.GetAsync(FunctionTestDatabase.Alice, "secret_fn");
        var adminList = await service.ListAsync(FunctionTestDatabase.Admin);

        Assert.Equal(["open_fn"], bobList.Select(f => f.ApiName));
        Assert.Null(daveGet);
        Assert.NotNull(aliceGet);
        Assert.Equal(["open_fn", "secret_fn"], adminList.Select(f => f.ApiName).Order());
        Assert.Equal(FunctionVisibility.Private, adminList.Single(f => f.ApiName == "secret_fn").Visibility);
    }

    // SEC-30
    [Fact]
    public async Task Another_developer_cannot_save_delete_duplicate_or_run_a_private_function()
    {
        var hidden = await CreateAsync("secret_fn", "return 2;", FunctionVisibility.Private);

        var save = await service.UpdateAsync(Dave, hidden.Id, "return 3;", [], hidden.ConcurrencyStamp);
        var delete = await service.DeleteAsync(Dave, hidden.Id);
        var duplicate = await service.DuplicateAsync(Dave, hidden.Id);
        var run = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => runner.RunAsync(new FunctionRunRequest { FunctionId = hidden.Id }, Dave, FunctionRunOrigin.Editor));

        Assert.False(save.Succeeded);
        Assert.False(delete.Succeeded);
        Assert.False(duplicate.Succeeded);
        Assert.Contains("private", run.Message, StringComparison.Ordinal);
        Assert.NotNull(await service.GetAsync(FunctionTestDatabase.Alice, "secret_fn"));
    }

    [Fact]
    public async Task Standalone_calls_reach_a_private_function_only_for_its_owner()
    {
        await CreateAsync("secret_fn", "return 40 + 2;", FunctionVisibility.Private);
        var caller = await CreateAsync("caller_fn", "return standalone.secret_fn();", FunctionVisibility.Shared);

        var byAlice = await runner.RunAsync(new FunctionRunRequest { FunctionId = caller.Id }, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor);
        var byBob = await runner.RunAsync(new FunctionRunRequest { FunctionId = caller.Id }, FunctionTestDatabase.Bob, FunctionRunOrigin.Editor);
        var unscoped = await new SavedFunctionResolver(database.Factory).ResolveAsync("secret_fn", CancellationToken.None);

        Assert.Equal("42", byAlice.ReturnValueJson);
        Assert.Equal(FunctionRunStatus.Failed, byBob.Status);
        Assert.Contains("secret_fn", byBob.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(unscoped);
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_changes_visibility_and_the_change_is_audited()
    {
        var function = await CreateAsync("fn", "return 1;", FunctionVisibility.Shared);

        var byDave = await service.SetVisibilityAsync(Dave, function.Id, FunctionVisibility.Private);
        var byBob = await service.SetVisibilityAsync(FunctionTestDatabase.Bob, function.Id, FunctionVisibility.Private);
        var byAlice = await service.SetVisibilityAsync(FunctionTestDatabase.Alice, function.Id, FunctionVisibility.Private);
        var byAdmin = await service.SetVisibilityAsync(FunctionTestDatabase.Admin, function.Id, FunctionVisibility.Shared);

        Assert.False(byDave.Succeeded);
        Assert.Contains("owner or an Admin", byDave.Error, StringComparison.Ordinal);
        Assert.False(byBob.Succeeded);
        Assert.Equal(FunctionVisibility.Private, byAlice.Function!.Visibility);
        Assert.Equal(FunctionVisibility.Shared, byAdmin.Function!.Visibility);
        await using var db = await database.Factory.CreateDbContextAsync();
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.Action == FunctionAuditActions.VisibilityChanged).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["Private", "Shared"], audit.Select(e => e.Details));
    }

    private async Task<FunctionDetails> CreateAsync(string apiName, string code, FunctionVisibility visibility)
    {
        var result = await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft(apiName, apiName, null, [], code, visibility));
        Assert.True(result.Succeeded, result.Error);
        return result.Function!;
    }
}
