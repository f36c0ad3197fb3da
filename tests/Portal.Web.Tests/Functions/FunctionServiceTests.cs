using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Tests.Functions;

public abstract class FunctionServiceCases : IDisposable
{
    private readonly FunctionTestDatabase database;
    private readonly FunctionService service;

    protected FunctionServiceCases(DatabaseProvider provider)
    {
        database = new FunctionTestDatabase(provider);
        service = new FunctionService(database.Factory, database.Audit, database.Time);
    }

    public void Dispose()
    {
        database.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Creating_a_function_stores_it_with_a_first_version()
    {
        var result = await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Append row", "append_row", "Adds a row", [new("sheet", "text")]));

        Assert.True(result.Succeeded, result.Error);
        var versions = await service.ListVersionsAsync(result.Function!.Id);
        Assert.Equal(1, Assert.Single(versions).Number);
        Assert.Equal([new FunctionArgument("sheet", "text")], result.Function.Arguments);
        Assert.Equal("alice", result.Function.OwnerUserId);
    }

    [Fact]
    public async Task An_api_name_that_is_taken_or_malformed_is_refused_with_a_reason()
    {
        await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Append row", "append_row", null, []));

        var taken = await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Other", "append_row", null, []));
        var malformed = await service.ValidateApiNameAsync("Append-Row");

        Assert.Contains("already exists", taken.Error, StringComparison.Ordinal);
        Assert.Contains("lower-case letters", malformed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_the_developer_role_cannot_create_change_or_delete() // SEC-30
    {
        var created = await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("A", "a", null, []));
        var id = created.Function!.Id;

        var create = await service.CreateAsync(FunctionTestDatabase.Bob, new FunctionDraft("B", "b", null, []));
        var update = await service.UpdateAsync(FunctionTestDatabase.Bob, id, "return 1;", [], created.Function.ConcurrencyStamp);
        var delete = await service.DeleteAsync(FunctionTestDatabase.Bob, id);

        Assert.All([create, update, delete], r => Assert.Contains("Only Developers and Admins", r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_save_adds_a_version_and_restore_brings_old_code_back_as_a_new_version()
    {
        var created = (await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("A", "a", null, [], "return 1;"))).Function!;
        var second = (await service.UpdateAsync(FunctionTestDatabase.Alice, created.Id, "return 2;", [], created.ConcurrencyStamp)).Function!;

        var restored = await service.RestoreAsync(FunctionTestDatabase.Admin, created.Id, 1);

        Assert.True(restored.Succeeded, restored.Error);
        Assert.Equal("return 1;", restored.Function!.Code);
        Assert.Equal(3, restored.Function.LatestVersion);
        var versions = await service.ListVersionsAsync(created.Id);
        Assert.Equal([3, 2, 1], versions.Select(v => v.Number));
        Assert.Equal("Restored version 1", versions[0].Message);
        Assert.Equal("return 2;", versions[1].Code);
        Assert.NotEqual(second.ConcurrencyStamp, restored.Function.ConcurrencyStamp);
    }

    [Fact]
    public async Task A_save_based_on_a_stale_copy_is_refused()
    {
        var created = (await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("A", "a", null, [], "return 1;"))).Function!;
        await service.UpdateAsync(FunctionTestDatabase.Alice, created.Id, "return 2;", [], created.ConcurrencyStamp);

        var stale = await service.UpdateAsync(FunctionTestDatabase.Admin, created.Id, "return 3;", [], created.ConcurrencyStamp);

        Assert.Contains("Someone else saved", stale.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicating_picks_a_free_api_name_and_copies_code_and_arguments()
    {
        var created = (await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("Sum", "sum", null, [new("a", "number")], "return a;"))).Function!;

        var first = await service.DuplicateAsync(FunctionTestDatabase.Alice, created.Id);
        var second = await service.DuplicateAsync(FunctionTestDatabase.Alice, created.Id);

        Assert.Equal("sum_copy", first.Function!.ApiName);
        Assert.Equal("sum_copy2", second.Function!.ApiName);
        Assert.Equal("Sum (copy)", first.Function.Name);
        Assert.Equal("return a;", first.Function.Code);
        Assert.Equal(created.Arguments, first.Function.Arguments);
    }

    [Fact]
    public async Task Deleting_removes_the_function_with_its_versions_and_runs()
    {
        var created = (await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("A", "a", null, []))).Function!;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.FunctionRuns.Add(new FunctionRunEntity { FunctionId = created.Id, UserId = "alice", StartedAt = database.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var result = await service.DeleteAsync(FunctionTestDatabase.Alice, created.Id);

        Assert.True(result.Succeeded);
        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.False(await check.Functions.AnyAsync());
        Assert.False(await check.FunctionVersions.AnyAsync());
        Assert.False(await check.FunctionRuns.AnyAsync());
    }

    [Fact]
    public async Task Users_see_only_their_own_runs_and_admins_see_everyones() // SEC-30
    {
        var created = (await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft("A", "a", null, []))).Function!;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.FunctionRuns.Add(new FunctionRunEntity { FunctionId = created.Id, UserId = "alice", StartedAt = database.Time.GetUtcNow(), Status = FunctionRunStatus.Succeeded });
            db.FunctionRuns.Add(new FunctionRunEntity { FunctionId = created.Id, UserId = "bob", StartedAt = database.Time.GetUtcNow(), Status = FunctionRunStatus.Failed });
            await db.SaveChangesAsync();
        }

        var bobs = await service.ListRunsAsync(FunctionTestDatabase.Bob, created.Id);
        var admins = await service.ListRunsAsync(FunctionTestDatabase.Admin, created.Id);
        var aliceList = await service.ListAsync(FunctionTestDatabase.Alice);

        Assert.Equal("bob", Assert.Single(bobs).UserId);
        Assert.Equal(2, admins.Count);
        Assert.Equal(FunctionRunStatus.Succeeded, Assert.Single(aliceList).LastRunStatus);
    }
}

/// <summary>The cases above on SQLite.</summary>
public sealed class FunctionServiceTests() : FunctionServiceCases(DatabaseProvider.Sqlite);

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class FunctionServiceOnPostgreSqlTests() : FunctionServiceCases(DatabaseProvider.PostgreSQL);
