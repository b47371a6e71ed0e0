/**
 * Divisions (行政区划): the county → township → village tree as versioned reference data, with the CSV import that
 * lets any county load its own. Other modules use {@link org.yilaoyixiao.divisions.DivisionDirectory} to resolve
 * codes and to turn a user's data scope into the set of division codes they may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Divisions 行政区划")
package org.yilaoyixiao.divisions;
