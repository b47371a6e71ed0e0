package org.yilaoyixiao.identity.internal;

import java.util.EnumSet;
import java.util.Set;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.Role;

/** The administrators' "new account" form; bound field by field, checked by {@link AccountRegistration}. */
class UserForm {

    private String username;
    private String displayName;
    private String password;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private String divisionCode;
    private Bureau bureau;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public String getDivisionCode() {
        return divisionCode;
    }

    public void setDivisionCode(String divisionCode) {
        this.divisionCode = divisionCode;
    }

    public Bureau getBureau() {
        return bureau;
    }

    public void setBureau(Bureau bureau) {
        this.bureau = bureau;
    }

    NewAccount toNewAccount() {
        return new NewAccount(username, password, displayName, roles, divisionCode, bureau);
    }
}
