/**
 * Policy (政策参数): dated parameters with their legal references — a value holds from its date until a later value
 * supersedes it; values are never edited. {@link org.yilaoyixiao.policy.PolicyParameters} answers "what was the value
 * of this key on that day, and which document says so" for every module that computes money or cadences.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy 政策参数")
package org.yilaoyixiao.policy;
