from policies.roles import is_policy_admin


def roles(request):
    return {"is_policy_admin": is_policy_admin(request.user) if hasattr(request, "user") else False}
