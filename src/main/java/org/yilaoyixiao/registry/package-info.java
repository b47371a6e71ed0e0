/**
 * People registry (人员档案): elders, infants, households, guardians and family contacts, tied to the division tree.
 * Resident ID numbers are validated to GB 11643, encrypted at rest, found through a blind index and masked everywhere
 * unless revealed (and audited). Other modules resolve people through {@link org.yilaoyixiao.registry.PersonDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry 人员档案")
package org.yilaoyixiao.registry;
