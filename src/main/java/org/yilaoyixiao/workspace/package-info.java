/**
 * Workspace (工作台): the home page every user lands on — their division, the tree of their scope with the counts
 * other modules contribute, and the way into each module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace 工作台")
package org.yilaoyixiao.workspace;
