package org.yilaoyixiao.identity.internal;

import java.time.Clock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yilaoyixiao.identity.IdentityPermissions;
import org.yilaoyixiao.platform.api.PageRequest;
import org.yilaoyixiao.platform.api.PageResponse;
import org.yilaoyixiao.platform.security.Bureau;
import org.yilaoyixiao.platform.security.CurrentUser;
import org.yilaoyixiao.platform.security.CurrentUsers;
import org.yilaoyixiao.platform.security.Role;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class UserApiController {

    private final AccountRegistration registration;
    private final AccountAdministration administration;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final PasswordChange passwordChange;

    UserApiController(AccountRegistration registration, AccountAdministration administration,
                      CurrentUsers currentUsers, Clock clock, PasswordChange passwordChange) {
        this.passwordChange = passwordChange;
        this.registration = registration;
        this.administration = administration;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    @GetMapping("/me")
    @Operation(summary = "The logged-in account and its data scope")
    MeResponse me() {
        CurrentUser user = currentUsers.require();
        return new MeResponse(user.username(), user.displayName(), new TreeSet<>(user.roles()), user.divisionCode(),
                user.bureau());
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change one's own password; required first when it was generated, initial or reset")
    ResponseEntity<Void> changeOwnPassword(@RequestBody ChangePasswordRequest request) {
        passwordChange.changeOwn(currentUsers.require(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{username}/password")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    @Operation(summary = "Reset an account's password; the user must change it at the next login")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody ResetPasswordRequest request) {
        passwordChange.reset(currentUsers.require(), username, request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    @Operation(summary = "Create an account within the caller's scope")
    ResponseEntity<UserResponse> create(@RequestBody CreateUserRequest request) {
        UserAccount account = registration.register(new NewAccount(request.username(), request.password(),
                request.displayName(), request.roles(), request.divisionCode(), request.bureau()), currentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/users/" + account.username())).body(UserResponse.from(account, clock.instant()));
    }

    @GetMapping("/users")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.READ_USERS + "')")
    @Operation(summary = "Accounts within the caller's scope, by username")
    PageResponse<UserResponse> list(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        Instant now = clock.instant();
        return administration.list(currentUsers.require(), PageRequest.of(page, size))
                .map(a -> UserResponse.from(a, now));
    }

    @GetMapping("/users/{username}")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.READ_USERS + "')")
    UserResponse get(@PathVariable String username) {
        return UserResponse.from(administration.get(currentUsers.require(), username), clock.instant());
    }

    @PostMapping("/users/{username}/unlock")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    ResponseEntity<Void> unlock(@PathVariable String username) {
        administration.unlock(currentUsers.require(), username);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{username}/disable")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    ResponseEntity<Void> disable(@PathVariable String username) {
        administration.setEnabled(currentUsers.require(), username, false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{username}/enable")
    @PreAuthorize("hasAuthority('" + IdentityPermissions.MANAGE_USERS + "')")
    ResponseEntity<Void> enable(@PathVariable String username) {
        administration.setEnabled(currentUsers.require(), username, true);
        return ResponseEntity.noContent().build();
    }

    record CreateUserRequest(String username, String password, String displayName, Set<Role> roles,
                             String divisionCode, Bureau bureau) {
    }

    record ChangePasswordRequest(String currentPassword, String newPassword) {
    }

    record ResetPasswordRequest(String newPassword) {
    }

    record MeResponse(String username, String displayName, Set<Role> roles, String divisionCode, Bureau bureau) {
    }

    record UserResponse(long id, String username, String displayName, Set<Role> roles, String divisionCode,
                        Bureau bureau, boolean enabled, boolean locked, Instant lastLoginAt) {
        static UserResponse from(UserAccount a, Instant now) {
            return new UserResponse(a.id(), a.username(), a.displayName(), new TreeSet<>(a.roles()), a.divisionCode(),
                    a.bureau(), a.enabled(), a.isLockedAt(now), a.lastLoginAt());
        }
    }
}
