package io.herald.identity.internal.store;

import java.time.OffsetDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A person who signs in. Users are global: one login, many workspaces. */
@Entity
@Table(name = "app_user")
public class UserEntity {
    @Id
    public String id;
    public String email;
    public String name;
    @Column(name = "password_hash")
    public String passwordHash;
    public boolean operator;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;
}
