using Microsoft.EntityFrameworkCore;
using Portal.Connections.Data;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public sealed class DataModelTests
{
    [Fact]
    public void Model_contains_every_entity_with_its_unique_indexes()
    {
        using var database = new SqliteTestDatabase();
        using var db = database.CreateDbContext();

        var model = db.Model;

        Assert.NotNull(model.FindEntityType(typeof(ServiceDefinitionEntity)));
        Assert.NotNull(model.FindEntityType(typeof(OAuthFlowStateEntity)));
        Assert.NotNull(model.FindEntityType(typeof(PersonalAccessTokenEntity)));
        var auth = model.FindEntityType(typeof(ConnectionAuthorizationEntity))!;
        Assert.Contains(auth.GetIndexes(), i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual(["ConnectionId", "UserId"]));
        var connection = model.FindEntityType(typeof(ConnectionEntity))!;
        Assert.Contains(connection.GetIndexes(), i => i.IsUnique && i.Properties.Single().Name == "LinkName");
        Assert.True(connection.FindProperty("ConcurrencyToken")!.IsConcurrencyToken);
        Assert.True(auth.FindProperty("ConcurrencyToken")!.IsConcurrencyToken);
    }

    [Fact]
    public async Task Second_authorization_for_the_same_connection_and_user_is_rejected_by_the_database()
    {
        using var database = new SqliteTestDatabase();
        await using var db = database.CreateDbContext();
        var connection = new ConnectionEntity { Id = Guid.NewGuid(), Name = "a", LinkName = "a", ServiceId = "s", OwnerUserId = "u" };
        db.Add(connection);
        db.Add(new ConnectionAuthorizationEntity { Id = Guid.NewGuid(), ConnectionId = connection.Id, UserId = "u" });
        db.Add(new ConnectionAuthorizationEntity { Id = Guid.NewGuid(), ConnectionId = connection.Id, UserId = "u" });

        var save = () => db.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateException>(save);
    }

    [Fact]
    public async Task Stale_concurrency_token_makes_the_update_fail()
    {
        using var database = new SqliteTestDatabase();
        var id = Guid.NewGuid();
        await using (var seed = database.CreateDbContext())
        {
            seed.Add(new ConnectionEntity { Id = id, Name = "a", LinkName = "a", ServiceId = "s", OwnerUserId = "u", ConcurrencyToken = Guid.NewGuid() });
            await seed.SaveChangesAsync();
        }

        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        var a = await first.Set<ConnectionEntity>().SingleAsync(c => c.Id == id);
        var b = await second.Set<ConnectionEntity>().SingleAsync(c => c.Id == id);
        a.Name = "first";
        a.ConcurrencyToken = Guid.NewGuid();
        await first.SaveChangesAsync();
        b.Name = "second";
        b.ConcurrencyToken = Guid.NewGuid();

        var save = () => second.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(save);
    }
}
